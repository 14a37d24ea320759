package nl.bdss.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.bdss.system.faults.FaultPlan.Fault;
import nl.bdss.system.faults.FaultPlan.KillBroker;
import nl.bdss.system.faults.FaultPlan.KillPostgres;
import nl.bdss.system.faults.FaultPlan.KillService;
import nl.bdss.system.faults.FaultPlan.PausePostgres;
import nl.bdss.system.faults.FaultPlan.Switch;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;

/**
 * Carries out a round's faults at their moments, one after the other on a thread of its own while the load runs,
 * and supervises the stack: a service that halts itself at an armed switch (exit status 86) is restarted without
 * it; any other process that ends by itself is restarted too, and reported as a finding.
 */
final class FaultInjector implements AutoCloseable {

    /** messaging-support's exit status for a deliberate halt at a fault-injection switch. */
    static final int HALT_STATUS = 86;

    private final Stack stack;
    private final RunLog log;
    private final java.util.concurrent.ScheduledExecutorService faultThreads = Executors.newScheduledThreadPool(4, daemon("fault-injector"));
    private final ExecutorService supervisor = Executors.newSingleThreadExecutor(daemon("fault-supervisor"));
    private final Map<Component, Switch> armed = new ConcurrentHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private volatile boolean stopping;

    FaultInjector(Stack stack, RunLog log) {
        this.stack = stack;
        this.log = log;
        stack.onUnexpectedExit(exit -> {
            if (!stopping) {
                supervisor.submit(() -> exited(exit));
            }
        });
    }

    /** The JVM options a service starts with at stack start: the switches armed for the first round. */
    static Map<Component, List<String>> startOptions(List<Switch> switches) {
        Map<Component, List<String>> options = new java.util.EnumMap<>(Component.class);
        switches.forEach(armed -> options.computeIfAbsent(armed.service(), s -> new ArrayList<>()).add(armed.jvmOption()));
        return options;
    }

    void armed(List<Switch> switches) {
        for (Switch each : switches) {
            armed.put(each.service(), each);
            log.fault("%s armed to halt itself %s (%s)", each.service(), each.describe(), each.jvmOption());
        }
    }

    /**
     * Runs each fault at {@code start + fault.at()}, independently of the others (faults of one component wait for
     * each other); returns at once.
     */
    synchronized void schedule(List<Fault> faults, long startNanos) {
        for (Fault fault : faults) {
            long delay = Math.max(0, startNanos + fault.at().toNanos() - System.nanoTime());
            pending.add(faultThreads.schedule(() -> inject(fault), delay, TimeUnit.NANOSECONDS));
        }
    }

    /** Waits for the scheduled faults and the restarts they caused; a failed restart fails the run. */
    void awaitDone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<?>> futures;
        synchronized (this) {
            futures = List.copyOf(pending);
        }
        for (Future<?> future : futures) {
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a fault could not be carried out: " + e.getCause().getMessage(), e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException("the faults did not finish in " + timeout.toSeconds() + " s", e);
            }
        }
        try {
            supervisor.submit(() -> { }).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a restart after an exit did not finish", e);
        }
        for (Component component : stack.components()) {
            if (stack.ensureRunning(component, List.of())) {
                log.say("%s was found not running after the faults: started it again", component);
            }
        }
    }

    /** A switch that was never reached: restart the service without it, so later phases run undisturbed. */
    void disarmRemaining() {
        for (Map.Entry<Component, Switch> entry : Map.copyOf(armed).entrySet()) {
            armed.remove(entry.getKey());
            String note = entry.getKey() + " never reached its switch (" + entry.getValue().jvmOption()
                    + ") during the load: restarted without it";
            synchronized (notes) {
                notes.add(note);
            }
            log.say("%s", note);
            stack.restart(entry.getKey(), Duration.ZERO, List.of());
        }
    }

    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    List<String> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    private void inject(Fault fault) {
        long started = System.nanoTime();
        if (fault instanceof KillService kill) {
            Switch disarmed = armed.remove(kill.service());
            if (disarmed != null) {
                note(kill.service() + " was killed before it reached its switch (" + disarmed.jvmOption() + ")");
            }
            List<String> options = kill.arm() == null ? List.of() : List.of(kill.arm().jvmOption());
            stack.restart(kill.service(), kill.downtime(), options, pid -> log.fault("kill -9 %s (%s)%s",
                    kill.service(), pid == 0 ? "not running at that moment" : "pid " + pid,
                    kill.arm() == null ? "" : ", restarting it armed to halt " + kill.arm().describe()));
            if (kill.arm() != null) {
                armed.put(kill.service(), kill.arm());
            }
            log.say("%s back after %.1f s (down %.1f s on purpose)", kill.service(), seconds(started),
                    kill.downtime().toMillis() / 1000.0);
        } else if (fault instanceof KillBroker broker) {
            stack.restart(Component.KAFKA, broker.downtime(), List.of(), pid -> log.fault(
                    "kill -9 kafka broker (pid %d), down %.1f s", pid, broker.downtime().toMillis() / 1000.0));
            log.say("kafka broker back after %.1f s", seconds(started));
        } else if (fault instanceof PausePostgres pause) {
            log.fault("SIGSTOP PostgreSQL (postmaster and backends) for %.1f s", pause.pause().toMillis() / 1000.0);
            stack.pausePostgres(pause.pause());
            log.say("PostgreSQL continued (SIGCONT) after %.1f s", seconds(started));
        } else if (fault instanceof KillPostgres kill) {
            stack.restart(Component.POSTGRES, kill.downtime(), List.of(), pid -> log.fault(
                    "kill -9 PostgreSQL (postmaster, backends and launcher pid %d), down %.1f s", pid,
                    kill.downtime().toMillis() / 1000.0));
            log.say("PostgreSQL back after crash recovery, %.1f s", seconds(started));
        }
    }

    private void exited(Stack.Exit exit) {
        armed.remove(exit.component());
        java.util.Optional<String> switchOption = exit.jvmOptions().stream()
                .filter(option -> option.startsWith("-D" + Switch.AFTER_LISTENER_COMMIT)
                        || option.startsWith("-D" + Switch.AFTER_OUTBOX_PUBLISH))
                .findFirst();
        if (switchOption.isPresent() && exit.status() == HALT_STATUS) {
            log.fault("%s halted itself at its switch %s (exit %d); restarting it without the switch", exit.component(),
                    switchOption.get(), exit.status());
            note(exit.component() + " halted itself at " + switchOption.get() + " and was restarted");
        } else {
            String finding = exit.component() + " exited by itself with status " + exit.status()
                    + (exit.jvmOptions().isEmpty() ? "" : " (launched with " + exit.jvmOptions() + ")");
            synchronized (findings) {
                findings.add(finding);
            }
            log.fault("UNEXPECTED: %s; see %s; restarting it", finding, stack.logFile(exit.component()));
            stack.printTail(exit.component(), 40);
        }
        long started = System.nanoTime();
        if (stack.ensureRunning(exit.component(), List.of())) {
            log.say("%s back after %.1f s", exit.component(), seconds(started));
        }
    }

    private void note(String note) {
        synchronized (notes) {
            notes.add(note);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        stopping = true;
        faultThreads.shutdownNow();
        supervisor.shutdownNow();
    }
}
