package nl.bdss.settlement.riskequalisation.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
import nl.bdss.settlement.riskequalisation.domain.KeyAgreement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the insurers of a contract attribute a year by one key (R19: the manual asks for a uniform key): per
 * contract, each party's recorded key for the year (the key only: no money, no counts) and whether they agree.
 */
@Service
public class KeyAgreements {

    private final ContractParties parties;
    private final ChoiceStore choices;

    public KeyAgreements(ContractParties parties, ChoiceStore choices) {
        this.parties = parties;
        this.choices = choices;
    }

    /** One party's key for the year; null while it has recorded none. */
    public record PartyKey(String insurer, DistributionKey distributionKey) {
    }

    public record ContractKeys(String contractId, KeyAgreement agreement, List<PartyKey> insurers) {
    }

    /** @param uzovi an insurer: only the contracts it is party to in the year; null: every contract (operator) */
    @Transactional(readOnly = true)
    public List<ContractKeys> of(int year, String uzovi) {
        Map<String, SortedSet<String>> contracts = parties.of(year);
        SortedSet<String> insurers = new TreeSet<>();
        contracts.values().forEach(insurers::addAll);
        Map<String, DistributionKey> keys = choices.keysOf(insurers, year);
        List<ContractKeys> result = new ArrayList<>();
        contracts.forEach((contractId, party) -> {
            if (uzovi != null && !party.contains(uzovi)) {
                return;
            }
            List<PartyKey> partyKeys = party.stream().map(insurer -> new PartyKey(insurer, keys.get(insurer))).toList();
            result.add(new ContractKeys(contractId,
                    KeyAgreement.of(partyKeys.stream().map(PartyKey::distributionKey).toList()), partyKeys));
        });
        return result;
    }
}
