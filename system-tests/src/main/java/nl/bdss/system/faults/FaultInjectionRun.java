package nl.bdss.system.faults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import nl.bdss.events.Topics;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.Databases;
import nl.bdss.system.stack.KafkaTools;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.workload.ContractDocuments;
import nl.bdss.system.workload.Workload.Amend;
import nl.bdss.system.workload.Workload.Operation;
import nl.bdss.system.workload.Workload.Round;
import nl.bdss.system.workload.Workload.Terminate;
import nl.bdss.system.workload.Workload;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One fault-injection run: the stack as real processes, then per round the seeded load with faults at random
 * moments, the invariants, every event delivered twice, poison and its dead letters, two replays of them; at the end
 * an incompatible schema, and the stack stopped with nothing left running. Everything is derived from the seed.
 */
final class FaultInjectionRun {

    /**
     * @param rounds             rounds of load, faults and checks on the same stack (the data accumulates)
     * @param contractsPerRound  contracts registered per round (amendments, terminations and counts come with them)
     * @param loadWindow         how long a round's load is spread over; its faults fall in this window
     * @param longForm           more faults per round: every service killed twice, the broker twice, PostgreSQL
     *                           paused once and killed once, two switches of each kind
     * @param sessionTimeoutMs   the services' consumer session timeout: how long a killed consumer holds its partitions
     */
    record Options(long seed, Path repository, int rounds, int contractsPerRound, Duration loadWindow, boolean longForm,
            int sessionTimeoutMs, boolean registryOutage) {

        static Options shortForm(long seed, Path repository) {
            return new Options(seed, repository, 1, 16, Duration.ofSeconds(45), false, 10_000, true);
        }

        static Options longForm(long seed, Path repository) {
            return new Options(seed, repository, 3, 60, Duration.ofSeconds(120), true, 10_000, true);
        }

        Options withContracts(int contracts) {
            return new Options(seed, repository, rounds, contracts, loadWindow, longForm, sessionTimeoutMs, registryOutage);
        }

        Options withRounds(int count) {
            return new Options(seed, repository, count, contractsPerRound, loadWindow, longForm, sessionTimeoutMs, registryOutage);
        }

        Options withLoadWindow(Duration window) {
            return new Options(seed, repository, rounds, contractsPerRound, window, longForm, sessionTimeoutMs, registryOutage);
        }

        /** The command that runs these options again; for the IT's own options also the Maven way. */
        String replayCommand() {
            Options form = longForm ? longForm(seed, repository) : shortForm(seed, repository);
            StringBuilder command = new StringBuilder("system-tests/run.sh fault-injection --seed " + seed + (longForm ? " --long" : ""));
            if (contractsPerRound != form.contractsPerRound()) {
                command.append(" --contracts ").append(contractsPerRound);
            }
            if (rounds != form.rounds()) {
                command.append(" --rounds ").append(rounds);
            }
            if (!loadWindow.equals(form.loadWindow())) {
                command.append(" --load-seconds ").append(loadWindow.toSeconds());
            }
            if (!registryOutage) {
                command.append(" --no-registry-outage");
            }
            return equals(shortForm(seed, repository))
                    ? command + " (or FaultInjectionIT with -Dfault.seed=" + seed + ")" : command.toString();
        }

        /** Leaves out the schema-registry outage after the rounds (see {@link RegistryOutageScenario}). */
        Options withoutRegistryOutage() {
            return new Options(seed, repository, rounds, contractsPerRound, loadWindow, longForm, sessionTimeoutMs, false);
        }
    }

    /** What happened and whether every invariant held. */
    record Report(long seed, List<Invariants.Violation> violations, Map<String, Duration> phases, List<String> faults,
            List<String> notes, List<String> findings, int contracts, String replayCommand) {

        boolean passed() {
            return violations.isEmpty() && findings.isEmpty();
        }

        String failureMessage() {
            StringBuilder message = new StringBuilder("fault-injection seed " + seed + ": ");
            message.append(violations.size()).append(" invariant violations, ").append(findings.size())
                    .append(" unexpected exits. Replay: ").append(replayCommand);
            findings.forEach(finding -> message.append("\n  unexpected: ").append(finding));
            violations.stream().limit(40).forEach(violation -> message.append("\n  ").append(violation));
            if (violations.size() > 40) {
                message.append("\n  ... ").append(violations.size() - 40).append(" more");
            }
            return message.toString();
        }
    }

    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(240);

    private final Options options;
    private final RunLog log;
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final List<Invariants.Violation> violations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private FaultInjectionRun(Options options, PrintStream out) {
        this.options = options;
        this.log = new RunLog(out);
    }

    static Report execute(Options options, PrintStream out) {
        return new FaultInjectionRun(options, out).run();
    }

    /** What the phases work with, once the stack runs. */
    private record Harness(Stack stack, FaultInjector faults, StackClient client, ContractDocuments documents,
            LoadDriver driver, SentInputs inputs, KafkaTools kafka, Databases databases, Invariants invariants,
            Quiescence quiescence, DeadLetterScenario deadLetters) {
    }

    private Report run() {
        log.plain("fault-injection seed: " + options.seed());
        log.say("%s form: %d round(s) of %d contracts, load window %d s, consumer session timeout %d ms",
                options.longForm() ? "long" : "short", options.rounds(), options.contractsPerRound(),
                options.loadWindow().toSeconds(), options.sessionTimeoutMs());
        Random faultRandom = new Random(options.seed() * 0x9E3779B97F4A7C15L + 1);
        FaultPlan firstPlan = FaultPlan.generate(faultRandom, options.longForm(), 1, options.loadWindow());
        SentInputs inputs = new SentInputs();
        List<String> findings = new ArrayList<>();
        // secured: a contract takes effect only when every party accepted it with its own token (R1); the rate limit
        // is raised above the harness's pace, which is not what the suite is about
        Stack stack = Stack.prepare(options.repository(), Stack.Settings.named("fault-injection").withSecurity()
                .withServiceEnvironment(Map.of(
                        "RATE_LIMIT_RPS", "2000",
                        "RATE_LIMIT_BURST", "4000",
                        // the harness's own pace: a killed consumer's partitions move after 10 s instead of 45 s
                        "BDSS_MESSAGING_CLIENTPROPERTIES_SESSION_TIMEOUT_MS", String.valueOf(options.sessionTimeoutMs()),
                        "SETTLEMENT_SCHEDULER_INTERVAL_MS", "10000")), log);
        FaultInjector faults = new FaultInjector(stack, log);
        try {
            timed("start the stack", () -> startStack(stack, faults, firstPlan));
            StackClient client = StackClient.repeating(stack, log);
            ContractDocuments documents = new ContractDocuments(options.repository());
            try (KafkaTools kafka = new KafkaTools(stack.bootstrapServers())) {
                Databases databases = new Databases(stack);
                Invariants invariants = new Invariants(databases, kafka, client, inputs);
                Quiescence quiescence = new Quiescence(stack, databases, invariants, log);
                LoadDriver driver = new LoadDriver(client, documents, inputs, log, options.seed(), () -> {
                    Duration quiet = quiescence.await(QUIET_TIMEOUT);
                    log.say("load: quiet after %.1f s, before a corrected delivery", quiet.toMillis() / 1000.0);
                });
                Harness harness = new Harness(stack, faults, client, documents, driver,
                        inputs, kafka, databases, invariants, quiescence,
                        new DeadLetterScenario(kafka, stack.registryUrl(), log, new Random(options.seed() + 17)));
                Workload workload = new Workload(options.seed());
                for (int number = 1; number <= options.rounds(); number++) {
                    FaultPlan plan = number == 1 ? firstPlan
                            : FaultPlan.generate(faultRandom, options.longForm(), number, options.loadWindow());
                    round(harness, workload.round(number, options.contractsPerRound()), plan);
                }
                paymentRuns(harness);
                if (options.registryOutage()) {
                    registryOutage(harness);
                }
                rebuildReporting(harness);
                incompatibleSchema(harness);
            }
            faults.close();
            timed("stop the stack", () -> {
                stack.close();
                return null;
            });
            log.say("no process of the stack left running");
        } catch (RuntimeException e) {
            log.say("run aborted: %s", e);
            violations.add(new Invariants.Violation("the run completes", "seed " + options.seed(), "completed", e.toString()));
        } finally {
            faults.close();
            findings.addAll(faults.findings());
            notes.addAll(faults.notes());
            try {
                stack.close();
            } catch (RuntimeException e) {
                violations.add(new Invariants.Violation("no orphan processes", "stack", "none left", e.getMessage()));
            }
        }
        Report report = new Report(options.seed(), List.copyOf(violations),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases)), log.faults(), List.copyOf(notes),
                List.copyOf(findings), inputs.contractCount(), options.replayCommand());
        summary(report);
        return report;
    }

    private Void startStack(Stack stack, FaultInjector faults, FaultPlan plan) {
        log.say("ports: postgres %d, kafka %d, registry %d, services %d/%d/%d/%d; logs in %s",
                stack.port(Component.POSTGRES), stack.port(Component.KAFKA), stack.port(Component.SCHEMA_REGISTRY),
                stack.port(Component.CONTRACT), stack.port(Component.ALLOCATION), stack.port(Component.SETTLEMENT),
                stack.port(Component.REPORTING), stack.logFile(Component.POSTGRES).getParent());
        stack.startAll(FaultInjector.startOptions(plan.armedAtStart()));
        faults.armed(plan.armedAtStart());
        return null;
    }

    private void round(Harness harness, Round round, FaultPlan plan) {
        String name = "round " + round.number();
        log.phase(name + ": " + round.load().size() + " operations over " + options.loadWindow().toSeconds() + " s, "
                + plan.faults().size() + " faults");
        timed(name + ": load under faults", () -> {
            harness.faults().schedule(plan.faults(), System.nanoTime());
            harness.driver().run(round.load(), options.loadWindow());
            harness.faults().awaitDone(Duration.ofSeconds(600));
            harness.faults().disarmRemaining();
            return null;
        });
        log.phase(name + ": settle, then the invariants");
        Duration quiet = timed(name + ": settle, then the invariants", () -> harness.quiescence().await(QUIET_TIMEOUT));
        log.say("quiet after %.1f s (outboxes empty, every consumer group at the end)", quiet.toMillis() / 1000.0);
        check("after the load and its faults", harness.invariants());
        everyEventTwice(harness, name);
        List<DeadLetterScenario.Probe> probes = deadLetters(harness, round, name);
        for (int replay = 1; replay <= 2; replay++) {
            replayDeadLetters(harness, probes, name, replay);
        }
    }

    private void everyEventTwice(Harness harness, String name) {
        log.phase(name + ": every event delivered twice");
        timed(name + ": every event twice", () -> {
            Map<String, Long> before = StateFingerprint.take(harness.databases());
            int copies = 0;
            for (String topic : Topics.ALL.stream().map(t -> t.name()).toList()) {
                List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : harness.kafka().readAll(topic)) {
                    again.add(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(), record.headers()));
                }
                harness.kafka().produce(again);
                copies += again.size();
            }
            log.say("re-produced %d records, byte for byte, to their own topics and partitions", copies);
            harness.quiescence().await(QUIET_TIMEOUT);
            record(StateFingerprint.differences("every event delivered twice changes nothing", before,
                    StateFingerprint.take(harness.databases())), "every event delivered twice changes nothing");
            return null;
        });
        check("after every event was delivered twice", harness.invariants());
    }

    /** Poison on the partitions of the round's held-back changes, then those changes: they must get through. */
    private List<DeadLetterScenario.Probe> deadLetters(Harness harness, Round round, String name) {
        log.phase(name + ": poison, dead letters, and the partition keeps flowing");
        List<DeadLetterScenario.Probe> probes = timed(name + ": dead letters", () -> {
            List<Operation> tail = round.tail();
            List<String> keys = tail.stream().map(op -> harness.inputs().id(handleOf(op))).distinct().toList();
            List<DeadLetterScenario.Probe> injected = harness.deadLetters().inject(keys.isEmpty()
                    ? List.copyOf(harness.inputs().contracts().keySet()).subList(0, 1) : keys, "r" + round.number());
            tail.forEach(harness.driver()::apply);
            log.say("after the poison: %d held-back changes of contracts %s sent", tail.size(),
                    tail.stream().map(FaultInjectionRun::handleOf).toList());
            harness.quiescence().await(QUIET_TIMEOUT);
            DeadLetterScenario.Outcome parked = harness.deadLetters().checkParked(injected, "", false);
            parked.reasons().forEach((what, reason) -> log.say("dead letter %s: %s", what, abbreviate(reason)));
            log.say("%d dead letters parked for %d poison records", parked.parked(), injected.size());
            record(parked.violations(), "dead letters");
            record(harness.deadLetters().checkFlowed(injected), "partition keeps flowing");
            return injected;
        });
        check("after the poison and the held-back changes", harness.invariants());
        return probes;
    }

    private void replayDeadLetters(Harness harness, List<DeadLetterScenario.Probe> probes, String name, int replay) {
        String suffix = ":replay-" + replay;
        log.phase(name + ": replay " + replay + " of the dead letters (damaged ones repaired)");
        timed(name + ": replay " + replay, () -> {
            Map<String, Long> before = StateFingerprint.take(harness.databases());
            int sent = harness.deadLetters().replay(probes, suffix);
            log.say("replay %d: %d dead letters re-produced to their topics", replay, sent);
            harness.quiescence().await(QUIET_TIMEOUT);
            record(StateFingerprint.differences("a replay of the dead letters changes nothing", before,
                    StateFingerprint.take(harness.databases())), "a replay of the dead letters changes nothing");
            DeadLetterScenario.Outcome parked = harness.deadLetters().checkParked(probes, suffix, true);
            log.say("replay %d: %d parked again (garbage and invalid), repaired ones dropped as duplicates", replay,
                    parked.parked());
            record(parked.violations(), "replayed dead letters");
            return null;
        });
        check("after replay " + replay, harness.invariants());
    }

    private void paymentRuns(Harness harness) {
        log.phase("payment runs: accounts, runs, settlement killed, bank files, a rejection, the next run");
        timed("payment runs", () -> {
            PaymentRunScenario.Outcome outcome = new PaymentRunScenario(harness.stack(), harness.client(),
                    harness.databases(), log, options.seed()).run();
            record(outcome.violations(), "payment runs");
            return harness.quiescence().await(QUIET_TIMEOUT);
        });
        check("after the payment runs", harness.invariants());
    }

    private void registryOutage(Harness harness) {
        RegistryOutageScenario outage = new RegistryOutageScenario(harness.stack(), harness.client(),
                harness.documents(), harness.inputs(),
                harness.kafka(), log);
        log.phase("schema registry down while a consumer restarts with an empty schema cache");
        timed("schema-registry outage", () -> {
            outage.outage(harness.quiescence());
            return harness.quiescence().await(QUIET_TIMEOUT);
        });
        check("after the schema-registry outage", harness.invariants());
        log.say("repair: %d real dead letters replayed to their topics", outage.replayRealDeadLetters(harness.invariants()));
        harness.quiescence().await(QUIET_TIMEOUT);
        check("after the outage's dead letters were replayed", harness.invariants());
    }

    private void rebuildReporting(Harness harness) {
        log.phase("reporting's read models rebuilt from offset 0 (every copy, poison and replay included)");
        Duration took = timed("reporting rebuilt from offset 0", () -> {
            long start = System.nanoTime();
            harness.client().rebuildReporting();
            harness.quiescence().await(QUIET_TIMEOUT);
            return Duration.ofNanos(System.nanoTime() - start);
        });
        log.say("reporting rebuild caught up and settled in %.1f s", took.toMillis() / 1000.0);
        check("after reporting was rebuilt from offset 0", harness.invariants());
    }

    private void incompatibleSchema(Harness harness) {
        log.phase("a producer with an incompatible schema");
        timed("incompatible schema", () -> {
            SchemaScenario.Outcome outcome = SchemaScenario.run(harness.kafka(), harness.stack().registryUrl());
            log.say("registry: %s", outcome.refusal());
            record(outcome.violations(), "incompatible schema");
            return null;
        });
    }

    private static String handleOf(Operation operation) {
        if (operation instanceof Amend amend) {
            return amend.contract().handle();
        }
        if (operation instanceof Terminate terminate) {
            return terminate.contract().handle();
        }
        throw new IllegalArgumentException("not a change of a contract: " + operation);
    }

    private void check(String when, Invariants invariants) {
        Invariants.Report report = invariants.check(when, LocalDate.now(ZoneOffset.UTC));
        if (!report.holds()) {
            log.say("invariants %s: %d violations; checking once more in 15 s in case work was still under way",
                    when, report.violations().size());
            Stack.sleep(Duration.ofSeconds(15));
            report = invariants.check(when, LocalDate.now(ZoneOffset.UTC));
        }
        log.say("invariants %s:%n%s", when, Invariants.summary(report));
        report.violations().stream().limit(20).forEach(violation -> log.say("  VIOLATION %s", violation));
        violations.addAll(report.violations().stream()
                .map(v -> new Invariants.Violation(v.invariant() + " [" + when + "]", v.key(), v.expected(), v.actual()))
                .toList());
    }

    private void record(List<Invariants.Violation> found, String what) {
        if (found.isEmpty()) {
            log.say("OK   %s", what);
        } else {
            found.forEach(violation -> log.say("  VIOLATION %s", violation));
        }
        violations.addAll(found);
    }

    private <T> T timed(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            phases.put(phase, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void summary(Report report) {
        log.phase("summary (seed " + report.seed() + ")");
        report.phases().forEach((phase, took) -> log.say("%-52s %7.1f s", phase, took.toMillis() / 1000.0));
        log.say("contracts: %d; faults: %d", report.contracts(), report.faults().size());
        report.faults().forEach(fault -> log.say("  fault %s", fault));
        report.notes().forEach(note -> log.say("  note: %s", note));
        report.findings().forEach(finding -> log.say("  UNEXPECTED EXIT: %s", finding));
        if (report.passed()) {
            log.say("PASSED: nothing lost, nothing paid twice (seed %d)", report.seed());
        } else {
            log.say("FAILED: %s", report.failureMessage());
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "(none)" : text.length() > 220 ? text.substring(0, 220) + "..." : text;
    }
}
