package nl.bdss.allocation.counts.application;

import java.util.Map;
import nl.bdss.allocation.counts.domain.InsuredCountRow;

/**
 * The validated rows of one delivery on their way into the store, streamed so that a national file passes through a
 * small, fixed buffer (R11). Counts the rows per insurer on the way.
 */
public interface StagedRows {

    void add(InsuredCountRow row);

    /** All rows are written. */
    void finish();

    /** Gives up the rows (a bad file): nothing of them stays. */
    void cancel();

    long rows();

    /** How many rows each insurer (UZOVI) has in the delivery. */
    Map<String, Long> rowsPerInsurer();
}
