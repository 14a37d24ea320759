package nl.bdss.allocation.counts.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how far a large delivery has come, every million rows read. */
final class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(InsuredCountIntake.class);
    private static final long EVERY = 1_000_000;

    private final String format;
    private final long started = System.nanoTime();

    ProgressLog(String format) {
        this.format = format;
    }

    void rows(long read, long errors) {
        if (read % EVERY == 0) {
            long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
            log.info("Insured-count {} delivery: {} rows read ({} rows/s), {} errors so far", format, read,
                    read / seconds, errors);
        }
    }
}
