package nl.bdss.allocation.split.web;

import java.util.Optional;
import nl.bdss.allocation.split.domain.Viewer;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.BdssRole;
import nl.bdss.security.CurrentClient;

/** The viewer of the current request, from its token only: never from a path or body field. */
final class CurrentViewer {

    private CurrentViewer() {
    }

    /**
     * An insurer by its token's UZOVI, a provider by its token's AGB (none: a provider that sees nothing), an
     * operator; a request without a client (security switched off, functional tests only) as an operator.
     */
    static Viewer get() {
        Optional<CurrentClient> current = CurrentClient.get();
        if (current.isEmpty()) {
            return Viewer.operator();
        }
        CurrentClient client = current.get();
        if (client.is(BdssRole.INSURER)) {
            return Viewer.insurer(client.uzovi().orElseThrow(() -> forbidden(client)));
        }
        if (client.is(BdssRole.PROVIDER)) {
            return Viewer.provider(client.agb().orElse(null));
        }
        if (client.is(BdssRole.OPERATOR)) {
            return Viewer.operator();
        }
        throw forbidden(client);
    }

    private static ProblemException forbidden(CurrentClient client) {
        return new ProblemException(Problem.forbidden("client " + client.clientId() + " reads no allocations"));
    }
}
