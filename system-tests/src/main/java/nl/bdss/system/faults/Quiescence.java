package nl.bdss.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.Databases;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;

/**
 * Waits until the stack has nothing left to do: every service up and healthy, every outbox empty and every
 * consumer group at the end of its topics, several times in a row.
 */
final class Quiescence {

    private static final int STABLE_ROUNDS = 3;

    private final Stack stack;
    private final Databases databases;
    private final Invariants invariants;
    private final RunLog log;

    Quiescence(Stack stack, Databases databases, Invariants invariants, RunLog log) {
        this.stack = stack;
        this.databases = databases;
        this.invariants = invariants;
        this.log = log;
    }

    /** Returns how long it took; on timeout says what was still busy and returns (the invariants will tell). */
    Duration await(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int stable = 0;
        List<String> busy = List.of();
        while (System.nanoTime() < deadline) {
            try {
                busy = busy();
            } catch (RuntimeException e) {
                busy = List.of("cannot tell: " + e.getMessage());
            }
            stable = busy.isEmpty() ? stable + 1 : 0;
            if (stable >= STABLE_ROUNDS) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Stack.sleep(Duration.ofMillis(stable > 0 ? 700 : 1000));
        }
        log.say("still busy after %d s: %s", timeout.toSeconds(), busy);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private List<String> busy() {
        List<String> busy = new ArrayList<>();
        for (Component component : stack.components()) {
            if (!stack.isRunning(component)) {
                busy.add(component + " not running");
            }
        }
        if (!busy.isEmpty()) {
            return busy;
        }
        for (Component service : Component.services()) {
            long outbox = databases.number(service.database(), "select count(*) from outbox_message");
            if (outbox > 0) {
                busy.add(service + " outbox " + outbox);
            }
        }
        invariants.lags().forEach((group, lags) -> {
            long lag = lags.values().stream().mapToLong(Long::longValue).sum();
            if (lag > 0) {
                busy.add(group + " lag " + lag);
            }
        });
        return busy;
    }
}
