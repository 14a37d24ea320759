package nl.bdss.reporting.privacy.application;

import nl.bdss.kernel.privacy.SmallCells;
import nl.bdss.reporting.privacy.domain.Audience;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The audience of a request from the caller's insurer restriction (null for an operator). */
@Component
public class Audiences {

    private final CellContracts contracts;
    private final SmallCells smallCells;

    Audiences(CellContracts contracts, SmallCells smallCells) {
        this.contracts = contracts;
        this.smallCells = smallCells;
    }

    /** @param onlyUzovi the insurer's own UZOVI from its token; null for a caller that sees everything */
    @Transactional(readOnly = true)
    public Audience of(String onlyUzovi) {
        return onlyUzovi == null ? Audience.everything() : Audience.insurer(contracts.ofInsurer(onlyUzovi), smallCells);
    }
}
