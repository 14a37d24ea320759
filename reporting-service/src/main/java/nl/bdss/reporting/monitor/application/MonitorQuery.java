package nl.bdss.reporting.monitor.application;

import nl.bdss.reporting.contracts.application.CommittedAmounts;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the yearly monitor (R20) from the read models: the year's budgets from what the complete allocations commit
 * ({@link CommittedAmounts}, the source of the committed sector load too) and the unfunded Zvw part beside it, the
 * settled load per sector (what was actually charged to the macro budgets), and the current versions of the
 * contracts with an allocated amount in the year. See {@link NzaMonitor} for what each figure means. All of it is
 * read in one snapshot (repeatable read), so the figures fit together while allocations keep arriving.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class MonitorQuery {

    private final MonitorReadings readings;
    private final CommittedAmounts committed;

    MonitorQuery(MonitorReadings readings, CommittedAmounts committed) {
        this.readings = readings;
        this.committed = committed;
    }

    public NzaMonitor ofYear(int year) {
        long unfunded = readings.unfunded(year);
        return NzaMonitor.of(year, readings.contracts(year), committed.ofYear(year), unfunded,
                readings.chargedPerSector(year));
    }
}
