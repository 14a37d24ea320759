package nl.bdss.settlement.ledger.application;

import nl.bdss.settlement.ledger.domain.ClaimsBurden;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An insurer's claims burden of a year (R17), read from the ledger's cost accounts: the books, not a copy. */
@Service
public class ClaimsBurdens {

    private final CostAccounts costs;

    public ClaimsBurdens(CostAccounts costs) {
        this.costs = costs;
    }

    @Transactional(readOnly = true)
    public ClaimsBurden of(String uzovi, int year) {
        return ClaimsBurden.of(uzovi, year, costs.costsOf(uzovi, year));
    }
}
