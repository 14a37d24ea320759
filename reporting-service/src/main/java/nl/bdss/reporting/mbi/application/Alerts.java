package nl.bdss.reporting.mbi.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The MBI alerts as stored, newest first (query port). */
public interface Alerts {

    /**
     * One alert: an upward crossing of the threshold (R21), with the contracts its load rested on when it was raised;
     * {@code contracts} is null for an alert raised before they were recorded.
     */
    record StoredAlert(long id, String sector, int year, String basis, long loadCents, long macroBudgetCents,
            long shareBasisPoints, int thresholdBasisPoints, String cause, Instant raisedAt, Set<String> contracts) {
    }

    /** {@code size} alerts from {@code offset}, of the year or, when it is null, of every year. */
    List<StoredAlert> page(Integer year, int size, long offset);
}
