package nl.bdss.reporting.mbi.application;

import java.time.Instant;
import java.util.List;

/** The MBI alerts as stored, newest first (query port). */
public interface Alerts {

    /** One alert: an upward crossing of the threshold (R21). */
    record AlertView(long id, String sector, int year, String basis, long loadCents, long macroBudgetCents,
            long shareBasisPoints, int thresholdBasisPoints, String cause, Instant raisedAt) {
    }

    /** {@code size} alerts from {@code offset}, of the year or, when it is null, of every year. */
    List<AlertView> page(Integer year, int size, long offset);
}
