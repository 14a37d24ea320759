package nl.bdss.messaging;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault-injection switches for the crash windows the reliability design must survive, off unless configured:
 * {@code bdss.fault.crash-after-listener-commit=N} halts the process right after the N-th listener transaction
 * committed and before its offsets are committed (the consumer will see the batch again: the inbox must drop it);
 * {@code bdss.fault.crash-after-outbox-publish=N} halts the process after the broker acknowledged the relay's N-th
 * batch and before its rows are deleted (the batch will be published again: consumers must drop the duplicates).
 * {@link Runtime#halt} skips every shutdown hook, as {@code kill -9} would.
 */
public final class CrashPoints {

    /** The exit status of a deliberate halt, so a supervisor can tell it from a real failure. */
    public static final int EXIT_STATUS = 86;

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    private final long afterListenerCommit;
    private final long afterOutboxPublish;
    private final AtomicLong listenerCommits = new AtomicLong();
    private final AtomicLong outboxPublishes = new AtomicLong();

    public CrashPoints(long afterListenerCommit, long afterOutboxPublish) {
        this.afterListenerCommit = afterListenerCommit;
        this.afterOutboxPublish = afterOutboxPublish;
        if (afterListenerCommit > 0 || afterOutboxPublish > 0) {
            log.warn("Fault injection armed: halt after listener commit #{} / after outbox publish #{} (0 = never)",
                    afterListenerCommit, afterOutboxPublish);
        }
    }

    public static CrashPoints none() {
        return new CrashPoints(0, 0);
    }

    /** Called after a listener's transaction committed, before the container commits the offsets. */
    public void listenerCommitted() {
        reach(afterListenerCommit, listenerCommits, "listener transaction committed, offsets not yet committed");
    }

    /** Called after the broker acknowledged an outbox batch, before the rows are deleted. */
    public void outboxPublished() {
        reach(afterOutboxPublish, outboxPublishes, "outbox batch acknowledged, rows not yet deleted");
    }

    private static void reach(long target, AtomicLong counter, String window) {
        if (target > 0 && counter.incrementAndGet() == target) {
            log.error("Fault injection: halting now ({}, #{})", window, target);
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
