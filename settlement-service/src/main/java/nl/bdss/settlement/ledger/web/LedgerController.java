package nl.bdss.settlement.ledger.web;

import nl.bdss.settlement.ledger.application.LedgerInvariants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's invariants, for operators. */
@RestController
class LedgerController {

    private final LedgerInvariants invariants;

    LedgerController(LedgerInvariants invariants) {
        this.invariants = invariants;
    }

    @GetMapping("/api/v1/ledger/invariants")
    LedgerInvariants.Report invariants() {
        return invariants.check();
    }
}
