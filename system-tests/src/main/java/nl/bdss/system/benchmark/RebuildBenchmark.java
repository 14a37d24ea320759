package nl.bdss.system.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.bdss.events.Topics;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.KafkaTools;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.workload.ContractDocuments;
import nl.bdss.system.workload.CountDataset;
import nl.bdss.system.workload.Terms.PeriodKind;
import nl.bdss.system.workload.Terms;
import nl.bdss.system.workload.Workload;
import tools.jackson.databind.JsonNode;

/**
 * The reporting rebuild benchmark on a stack of its own (as {@link Benchmark}): N steady contracts over the whole
 * experiment (five years, 1 May 2024 until 30 April 2029, yearly lump sums unless {@code --period} says otherwise),
 * closed on the day after it (the stack runs on that date, so settlement books all periods), then reporting's read
 * models rebuilt from offset
 * 0, timed until the rebuild ends and every year's sector loads are identical to before.
 *
 * <p>Options: {@code --repo DIR --contracts N --period YEAR|QUARTER|MONTH --seed N}.
 */
public final class RebuildBenchmark {

    private static final double GOAL_SECONDS = 60;
    private static final int FIRST_YEAR = 2024;
    private static final int LAST_YEAR = 2029;
    /** The whole experiment (R14): 1 May 2024 until 30 April 2029. */
    private static final LocalDate EXPERIMENT_FROM = LocalDate.of(2024, 5, 1);
    private static final LocalDate EXPERIMENT_UNTIL = LocalDate.of(2029, 4, 30);
    /** The stack's date: the day after the experiment, when every period is due, in advance or in arrears (R8). */
    private static final LocalDate SETTLED_ON = EXPERIMENT_UNTIL.plusDays(1);

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".");
        int contracts = 2000;
        PeriodKind period = PeriodKind.YEAR;
        long seed = System.currentTimeMillis();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[i + 1]);
                case "--contracts" -> contracts = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--period" -> period = PeriodKind.valueOf(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        repo = repo.toAbsolutePath().normalize();
        RunLog log = new RunLog(System.out);
        Stack.Settings settings = Stack.Settings.named("rebuild-benchmark").withSecurity()
                .withServiceJvmOptions(Stack.AS_BDSS_UP)
                .onDate(SETTLED_ON.atTime(6, 0).toInstant(ZoneOffset.UTC));
        try (Stack stack = Stack.prepare(repo, settings, log)) {
            log.say("starting the stack (logs in %s)", stack.logDirectory());
            stack.startAll();
            try (KafkaTools kafka = new KafkaTools(stack.bootstrapServers())) {
                run(StackClient.strict(stack, log), kafka, new ContractDocuments(repo), new Workload(seed), seed,
                        contracts, period);
            }
        }
    }

    private static void run(StackClient client, KafkaTools kafka, ContractDocuments documents, Workload workload,
            long seed, int contracts, PeriodKind period) throws Exception {
        CountDataset counts = workload.steadyCounts(Benchmark.INSURERS);
        System.out.printf("seed %d, %d contracts over the whole experiment (%s), counts for reference date %s%n", seed,
                contracts, period, counts.referenceDate());
        List<Terms> generated = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            generated.add(workload.steadyContract("REBUILD-" + i, EXPERIMENT_FROM, EXPERIMENT_UNTIL, period, counts));
        }
        long started = System.nanoTime();
        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, counts.source(), counts.csv());
        register(client, documents, generated);
        System.out.printf(Locale.ROOT, "registered %d contracts in %.1f s%n", contracts, (System.nanoTime() - started) / 1e9);
        waitUntilSettlementHoldsTheAllocations(kafka, contracts);

        // Close the periods on the stack's date, again until a close books nothing and reporting has consumed
        // everything (a close is idempotent: it books only what is due and not booked yet; allocations still on
        // their way are booked by the next round). A close after the services' today would be refused (R8).
        long booked = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        long bookedThisRound;
        long[] lagAndEnd;
        do {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not settle within an hour");
            }
            bookedThisRound = client.closePeriods(SETTLED_ON);
            booked += bookedThisRound;
            lagAndEnd = waitUntilReportingIsIdle(client);
        } while (bookedThisRound > 0);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long total = totalOverTheExperiment(client);
        System.out.printf(Locale.ROOT, "all periods settled and in reporting after %.1f s (%d entries booked by period "
                + "closes; %d settlement entries on the topic)%n", loadSeconds, booked, lagAndEnd[1]);

        List<String> before = snapshot(client);
        long rebuildStarted = System.nanoTime();
        client.startRebuild();
        long rebuildDeadline = rebuildStarted + TimeUnit.MINUTES.toNanos(20);
        while (client.rebuildInProgress() || !snapshot(client).equals(before)) {
            if (System.nanoTime() > rebuildDeadline) {
                throw new IllegalStateException("the rebuild did not reproduce the read models within 20 minutes");
            }
            Thread.sleep(250);
        }
        double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;

        StringBuilder out = new StringBuilder("\n================ BDSS reporting rebuild benchmark ================\n");
        out.append(String.format(Locale.ROOT, "machine: %d cores (nproc)%n", Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "data: %d contracts x 5 years (%s lump sums): %d settlement entries,"
                + " %d contract versions, %d allocations on the topics%n", contracts, period, lagAndEnd[1], lagAndEnd[2],
                lagAndEnd[3]));
        out.append(String.format(Locale.ROOT, "settled Zvw load %d-%d in reporting: %d cents%n", FIRST_YEAR, LAST_YEAR, total));
        out.append(String.format(Locale.ROOT, "rebuild from offset 0 until identical sector loads for every year: %.1f s"
                + "   (goal < %.0f s: %s)%n", rebuildSeconds, GOAL_SECONDS, rebuildSeconds < GOAL_SECONDS ? "met" : "MISSED"));
        out.append("==================================================================\n");
        System.out.print(out);
    }

    /**
     * Waits until allocation has published an allocation for every contract and settlement has consumed them all: a
     * period close before that would find nothing to book, and an empty round ends the closing.
     */
    private static void waitUntilSettlementHoldsTheAllocations(KafkaTools kafka, int contracts)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        String topic = Topics.ALLOCATIONS.name();
        while (kafka.endOffsets(List.of(topic)).values().stream().mapToLong(Long::longValue).sum() < contracts
                || kafka.lag(Component.SETTLEMENT.processName(), topic) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("settlement did not receive the allocations of " + contracts
                        + " contracts within 30 minutes");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until reporting has consumed everything and the topics stopped growing; answers {lag, end offsets of the
     * settlement entries, the contract versions and the allocations}.
     */
    private static long[] waitUntilReportingIsIdle(StackClient client) throws InterruptedException {
        long[] previous = reportingLagAndEnds(client);
        while (true) {
            Thread.sleep(3_000);
            long[] now = reportingLagAndEnds(client);
            if (now[0] == 0 && now[1] == previous[1] && now[2] == previous[2] && now[3] == previous[3]) {
                return now;
            }
            previous = now;
        }
    }

    private static long[] reportingLagAndEnds(StackClient client) {
        long[] lagAndEnds = new long[4];
        List<String> order = List.of(Topics.SETTLEMENTS.name(), Topics.CONTRACT_VERSIONS.name(), Topics.ALLOCATIONS.name());
        for (JsonNode topic : client.reportingTopics()) {
            lagAndEnds[0] += topic.get("consumerLag").asLong();
            int index = order.indexOf(topic.get("topic").asString());
            if (index >= 0) {
                lagAndEnds[index + 1] = topic.get("endOffset").asLong();
            }
        }
        return lagAndEnds;
    }

    private static long totalOverTheExperiment(StackClient client) {
        long total = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            total += client.sectorLoads(year).path("totalCents").asLong();
        }
        return total;
    }

    private static List<String> snapshot(StackClient client) {
        List<String> loads = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            loads.add(client.sectorLoads(year).toString());
        }
        return loads;
    }

    private static void register(StackClient client, ContractDocuments documents, List<Terms> contracts)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < contracts.size(); i++) {
                Terms terms = contracts.get(i);
                String insurer = StackClient.insurer(Benchmark.INSURERS.get(i % Benchmark.INSURERS.size()));
                futures.add(pool.submit(() -> client.register(insurer, documents.document(terms),
                        UUID.randomUUID().toString())));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
