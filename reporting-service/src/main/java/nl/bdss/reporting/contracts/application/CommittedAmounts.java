package nl.bdss.reporting.contracts.application;

import java.util.List;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the latest complete allocations commit in a year (the amounts {@link AllocationProjection} keeps). The
 * committed sector load and the NZa monitor's budgets both read it here, so they cannot disagree (R17, R20).
 */
@Component
public class CommittedAmounts {

    private final CommittedAmountReadings readings;

    CommittedAmounts(CommittedAmountReadings readings) {
        this.readings = readings;
    }

    /** Per legal domain and Zvw sector, in domain and sector order. */
    @Transactional(readOnly = true)
    public List<CommittedFigure> ofYear(int year) {
        return readings.ofYear(year);
    }
}
