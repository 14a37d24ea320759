package nl.bdss.settlement.payments.web;

import java.util.Optional;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.BdssRole;
import nl.bdss.security.CurrentClient;
import nl.bdss.settlement.payments.application.Viewer;

/**
 * The viewer of the current request, from its token only: an insurer is confined to its UZOVI, a provider to its AGB
 * as the payee (both when a token carries both roles), an operator to nothing. A provider token without a valid
 * eight-digit AGB is refused (403) rather than read as "no restriction".
 */
final class Viewers {

    private Viewers() {
    }

    static Viewer current() {
        Optional<CurrentClient> client = CurrentClient.get();
        Optional<String> agb = CurrentClient.providerRestriction();
        if (client.map(c -> c.is(BdssRole.PROVIDER)).orElse(false)
                && (agb.isEmpty() || !AgbCode.isValid(agb.get()))) {
            throw new ProblemException(Problem.forbidden(
                    "A provider token must carry its eight-digit AGB code in the 'agb' claim"));
        }
        return new Viewer(CurrentClient.insurerRestriction(), agb);
    }
}
