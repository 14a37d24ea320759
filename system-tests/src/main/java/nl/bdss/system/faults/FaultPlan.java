package nl.bdss.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import nl.bdss.system.stack.Component;

/**
 * The faults of one round, drawn from the seeded {@link Random}: which process, when (an offset into the load
 * window) and for how long. The same seed gives the same plan; the moments are as exact as a busy machine allows.
 */
record FaultPlan(List<Switch> armedAtStart, List<Fault> faults) {

    /** A fault-injection switch of messaging-support: the process halts itself at the N-th such moment. */
    record Switch(Component service, String property, int n) {

        static final String AFTER_LISTENER_COMMIT = "bdss.fault.crash-after-listener-commit";
        static final String AFTER_OUTBOX_PUBLISH = "bdss.fault.crash-after-outbox-publish";

        String jvmOption() {
            return "-D" + property + "=" + n;
        }

        String describe() {
            return (AFTER_LISTENER_COMMIT.equals(property) ? "after listener transaction #" : "after outbox batch #") + n
                    + (AFTER_LISTENER_COMMIT.equals(property) ? " committed, before its offsets" : " acknowledged, before its rows are deleted");
        }
    }

    sealed interface Fault permits KillService, KillBroker, PausePostgres, KillPostgres {
        Duration at();
    }

    /** kill -9 of a service, and its restart after {@code downtime}, with a switch armed if {@code arm} is set. */
    record KillService(Duration at, Component service, Duration downtime, Switch arm) implements Fault {
    }

    record KillBroker(Duration at, Duration downtime) implements Fault {
    }

    /** SIGSTOP of the postmaster and its backends for {@code pause}, then SIGCONT. */
    record PausePostgres(Duration at, Duration pause) implements Fault {
    }

    /** kill -9 of the postmaster, every backend and the launcher; crash recovery on the restart. */
    record KillPostgres(Duration at, Duration downtime) implements Fault {
    }

    static FaultPlan generate(Random random, boolean longForm, int round, Duration window) {
        List<Switch> switches = switches(random, longForm ? 2 : 1);
        List<Component> armedServices = switches.stream().map(Switch::service).toList();
        List<Fault> faults = new ArrayList<>();
        int killsPerService = longForm ? 2 : 1;
        for (Component service : Component.services()) {
            // an armed service is first left alone to reach its switch
            double earliest = armedServices.contains(service) ? 0.5 : 0.1;
            for (int k = 0; k < killsPerService; k++) {
                faults.add(new KillService(moment(random, window, earliest), service,
                        Duration.ofMillis(random.nextInt(3000)), null));
            }
        }
        for (int k = 0; k < (longForm ? 2 : 1); k++) {
            faults.add(new KillBroker(moment(random, window, 0.1), Duration.ofMillis(1000 + random.nextInt(4000))));
        }
        faults.add(new PausePostgres(moment(random, window, 0.1), Duration.ofMillis(2000 + random.nextInt(4000))));
        if (longForm) {
            faults.add(new KillPostgres(moment(random, window, 0.1), Duration.ofMillis(random.nextInt(3000))));
        }
        List<Switch> armedAtStart = new ArrayList<>();
        if (round == 1) {
            armedAtStart.addAll(switches);
        } else {
            // later rounds arm them by a restart early in the load
            for (Switch armed : switches) {
                faults.add(new KillService(window.multipliedBy(2 + random.nextInt(10)).dividedBy(100), armed.service(),
                        Duration.ZERO, armed));
            }
        }
        faults.sort(Comparator.comparing(Fault::at));
        return new FaultPlan(List.copyOf(armedAtStart), List.copyOf(faults));
    }

    /** {@code count} listener-commit switches and as many outbox-publish switches, each on another service. */
    private static List<Switch> switches(Random random, int count) {
        List<Component> consumers = new ArrayList<>(Component.consumers());
        Collections.shuffle(consumers, random);
        List<Switch> switches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switches.add(new Switch(consumers.get(i), Switch.AFTER_LISTENER_COMMIT, 2 + random.nextInt(5)));
        }
        List<Component> publishers = new ArrayList<>(Component.services());
        publishers.removeAll(switches.stream().map(Switch::service).toList());
        Collections.shuffle(publishers, random);
        for (int i = 0; i < count; i++) {
            switches.add(new Switch(publishers.get(i), Switch.AFTER_OUTBOX_PUBLISH, 2 + random.nextInt(4)));
        }
        return switches;
    }

    /** A moment in the window, between {@code earliest} of it and 90% of it. */
    private static Duration moment(Random random, Duration window, double earliest) {
        return Duration.ofMillis((long) (window.toMillis() * (earliest + (0.9 - earliest) * random.nextDouble())));
    }
}
