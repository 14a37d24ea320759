package nl.bdss.system.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.bdss.events.Topics;
import nl.bdss.system.ledger.ExpectedLedger;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.KafkaTools;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.workload.ContractDocuments;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.CountDataset;
import nl.bdss.system.workload.Terms.PeriodKind;
import nl.bdss.system.workload.Terms;
import nl.bdss.system.workload.Workload;

/**
 * The pipeline benchmark (see system-tests/README.md) on a stack of its own, secured and with the services' JVMs as
 * {@code ./bdss up} starts them: after a warm-up, (b) settlement lines per second fully processed through reporting,
 * from contract registration and from a national re-allocation (new counts for the contracts' reference date), then
 * (a) raw Kafka produce and consume rates for records of the measured SettlementBooked size, then end-to-end latency
 * (contract amendment to sector load updated) at fixed rates.
 *
 * <p>Options: {@code --repo DIR --contracts N --year Y --raw-records N --rates 20,100 --seconds S
 * --warm-up-contracts N --seed N}.
 */
public final class Benchmark {

    private static final double GOAL_RATIO = 0.2;
    private static final double GOAL_P99_MS = 250;
    private static final int GOAL_RATE = 100;
    /** The insurers of the secured stack's demo clients: the benchmark registers and amends as them. */
    static final List<String> INSURERS = List.of("3311", "3343");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        RunLog log = new RunLog(System.out);
        Stack.Settings settings = Stack.Settings.named("benchmark").withSecurity()
                .withServiceJvmOptions(Stack.AS_BDSS_UP);
        try (Stack stack = Stack.prepare(options.repo, settings, log)) {
            log.say("starting the stack (logs in %s)", stack.logDirectory());
            stack.startAll();
            run(options, stack, StackClient.strict(stack, log));
        }
    }

    private static void run(Options options, Stack stack, StackClient client) throws Exception {
        ContractDocuments documents = new ContractDocuments(options.repo);
        Workload workload = new Workload(options.seed);
        try (EventTap tap = new EventTap(stack.bootstrapServers(), stack.registryUrl());
             KafkaTools kafka = new KafkaTools(stack.bootstrapServers())) {
            Registration registration = new Registration(client, documents, workload, tap, options.year);
            if (options.warmUpContracts > 0) {
                Load warmUp = registration.load("WARM", options.warmUpContracts);
                System.out.printf(Locale.ROOT, "warm-up (not measured): %d contracts, %d settlement entries through"
                        + " reporting in %.1f s%n", warmUp.registered().size(), warmUp.entries(), warmUp.seconds());
            }
            // (b) throughput: counts, then all contracts, until reporting shows the whole expected load.
            Load load = registration.load("BENCH", options.contracts);
            System.out.printf(Locale.ROOT, "seed %d, %d contracts valid in %d, counts for reference date %s%n",
                    options.seed, options.contracts, options.year, load.counts().referenceDate());
            System.out.printf(Locale.ROOT, "pipeline: %d contracts posted in %.1f s; %d settlement entries (%d cents,"
                    + " expected from the inputs %d) fully in reporting after %.1f s%n", load.registered().size(),
                    load.postSeconds(), load.entries(), load.cents(), load.expectedCents(), load.seconds());

            // (b2) a national re-allocation: new counts for the same reference date re-allocate every contract at once.
            Reallocation reallocation = reallocate(client, workload, tap, kafka, load, options.year);
            System.out.printf(Locale.ROOT, "re-allocation: %d allocations (%d of the measured contracts), %d settlement"
                    + " entries (corrections), through reporting %.1f s after the delivery's POST (%.1f s for the POST);"
                    + " ledger of the measured contracts still %d cents%n", reallocation.allocations,
                    reallocation.ownAllocations, reallocation.entries, reallocation.seconds, reallocation.postSeconds,
                    reallocation.ledgerCents);

            // (a) raw Kafka with records of the size just measured on the settlement topic.
            int recordSize = (int) Math.round(tap.averageEntryBytes());
            int partitions = kafka.partitions(Topics.SETTLEMENTS.name());
            KafkaPerfTools.Rates raw = new KafkaPerfTools(kafka).measure(
                    "bdss.benchmark.raw-" + options.seed, partitions, options.rawRecords, recordSize);
            System.out.println("ProducerPerformance: " + raw.producerSummary());
            System.out.println("ConsumerPerformance: " + raw.consumerSummary());

            // Latency at the fixed rates.
            List<LatencyRun.Result> latencies = new ArrayList<>();
            LatencyRun latencyRun = new LatencyRun(client, documents, tap, workload, load.registered());
            for (int rate : options.rates) {
                long drainedMs = latencyRun.drain();
                System.out.printf("reporting quiet after waiting %d ms; starting %d amendments/s%n", drainedMs, rate);
                long entriesBefore = tap.entriesSeen();
                LatencyRun.Result result = latencyRun.run(rate, options.seconds);
                latencies.add(result);
                System.out.printf(Locale.ROOT, "settlement entries booked during the %d/s run: %d (%.1f per amendment)%n",
                        rate, tap.entriesSeen() - entriesBefore,
                        (tap.entriesSeen() - entriesBefore) / (double) Math.max(1, result.sent()));
                System.out.printf(Locale.ROOT, "latency at %d/s: %d amendments (%.1f/s achieved), p50 %.0f ms,"
                        + " p99 %.0f ms%n", rate, result.sent(), result.achievedPerSecond(), result.percentileMs(50),
                        result.percentileMs(99));
            }

            printSummary(options, recordSize, partitions, raw, load, reallocation, latencies);
        }
    }

    /** What one registration phase did: its counts and contracts, and how long reporting took to show them all. */
    record Load(CountDataset counts, List<Registered> registered, long expectedCents, double postSeconds,
            double seconds, long entries, long cents) {

        List<String> ids() {
            return registered.stream().map(Registered::id).toList();
        }

        double linesPerSecond() {
            return entries / seconds;
        }
    }

    /** Registers steady contracts valid in the year, and waits until reporting shows what they settle. */
    private record Registration(StackClient client, ContractDocuments documents, Workload workload, EventTap tap,
            int year) {

        Load load(String prefix, int contracts) throws Exception {
            CountDataset counts = workload.steadyCounts(INSURERS);
            List<Terms> generated = new ArrayList<>();
            long expectedCents = 0;
            for (int i = 0; i < contracts; i++) {
                Terms terms = workload.steadyContract(prefix + "-" + i, LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31), pick(PeriodKind.values(), i), counts);
                generated.add(terms);
                expectedCents += settledZvwInYear(terms, counts, year);
            }
            long baseline = client.sectorLoads(year).path("totalCents").asLong();
            long started = System.nanoTime();
            client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, counts.source(), counts.csv());
            List<Registered> registered = register(generated);
            long posted = System.nanoTime();
            long reached = waitForLoad(baseline + expectedCents, started);
            long[] entries = waitForEntries(registered.stream().map(Registered::id).toList(), expectedCents);
            return new Load(counts, registered, expectedCents, (posted - started) / 1e9, (reached - started) / 1e9,
                    entries[0], entries[1]);
        }

        private List<Registered> register(List<Terms> contracts) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Registered>> futures = new ArrayList<>();
                for (int i = 0; i < contracts.size(); i++) {
                    Terms terms = contracts.get(i);
                    String insurer = INSURERS.get(i % INSURERS.size());
                    futures.add(pool.submit(() -> {
                        StackClient.Registered done = client.register(StackClient.insurer(insurer),
                                documents.document(terms), UUID.randomUUID().toString());
                        return new Registered(done.id(), insurer, terms, done.etag());
                    }));
                }
                List<Registered> registered = new ArrayList<>();
                for (Future<Registered> future : futures) {
                    registered.add(future.get());
                }
                return Collections.unmodifiableList(registered);
            } finally {
                pool.shutdown();
            }
        }

        private long waitForLoad(long target, long started) throws InterruptedException {
            long deadline = started + TimeUnit.MINUTES.toNanos(15);
            long total = client.sectorLoads(year).path("totalCents").asLong();
            while (total != target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reporting shows " + total + " cents for " + year + ", expected "
                            + target);
                }
                Thread.sleep(100);
                total = client.sectorLoads(year).path("totalCents").asLong();
            }
            return System.nanoTime();
        }

        /** Reporting has them all, so the tap (which reads the same topic) has them too within moments. */
        private long[] waitForEntries(List<String> ids, long expectedCents) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long[] entries = tap.entriesOf(ids);
            while (entries[1] != expectedCents && System.nanoTime() < deadline) {
                Thread.sleep(100);
                entries = tap.entriesOf(ids);
            }
            return entries;
        }
    }

    /** What the expected ledger (computed from the inputs alone) says the contract settles in the year by today. */
    static long settledZvwInYear(Terms terms, CountDataset counts, int year) {
        ExpectedLedger.Allocation allocation = ExpectedLedger.allocate(terms.reference(),
                List.of(ContractVersion.registered(terms)), (source, date) -> Optional.of(counts));
        return allocation.settled(LocalDate.now(ZoneOffset.UTC)).entrySet().stream()
                .filter(settled -> settled.getKey().periodStart().getYear() == year)
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static <T> T pick(T[] values, int index) {
        return values[index % values.length];
    }

    /** What the re-allocation phase measured. */
    record Reallocation(long allocations, long ownAllocations, long entries, double seconds, double postSeconds,
            long ledgerCents) {
        double linesPerSecond() {
            return entries / seconds;
        }
    }

    /**
     * Posts a replacement delivery for the contracts' reference date (other counts, so every contract's market shares
     * change), which re-allocates what is not settled yet in the delivery's transaction, and the operator's reopen of
     * the year for every contract on that delivery (settled stays settled otherwise); then waits until allocation published
     * a new allocation for each, settlement consumed them all, and reporting consumed every settlement entry that
     * followed. Done is the first moment all three held with no settlement entry arriving after it (confirmed by
     * two quiet seconds, not counted).
     */
    private static Reallocation reallocate(StackClient client, Workload workload, EventTap tap, KafkaTools kafka,
            Load load, int year) throws InterruptedException {
        List<String> ids = load.ids();
        long allocationsBefore = tap.allocationsOf(ids);
        long allAllocationsBefore = tap.allocationsSeen();
        long entriesBefore = tap.entriesSeen();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        CountDataset redelivery = workload.redelivery(load.counts());
        long started = System.nanoTime();
        client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, redelivery.source(), redelivery.csv());
        // settled stays settled: the corrected counts reach the settled periods through the operator's reopen of all
        // contracts on the delivery
        client.sendJson(StackClient.OPERATOR, "POST", Component.ALLOCATION, "/api/v1/allocations/reopen?dryRun=false",
                "{\"reason\":\"benchmark: corrected counts\",\"years\":[" + year + "],\"source\":\""
                        + redelivery.source() + "\",\"referenceDate\":\"" + redelivery.referenceDate() + "\"}", 200);
        long posted = System.nanoTime();
        long done = -1;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            boolean allAllocated = tap.allocationsOf(ids) - allocationsBefore >= ids.size();
            if (allAllocated && kafka.lag(Component.SETTLEMENT.processName(), Topics.ALLOCATIONS.name()) == 0
                    && kafka.lag(Component.REPORTING.processName(), Topics.SETTLEMENTS.name()) == 0) {
                if (done < 0 || tap.lastEntryNanos() > done) {
                    done = now;
                } else if (now - done > TimeUnit.SECONDS.toNanos(2)) {
                    long[] ledger = tap.entriesOf(ids);
                    if (ledger[1] != load.expectedCents()) {
                        throw new IllegalStateException("after the re-allocation the contracts' entries sum to "
                                + ledger[1] + " cents, expected still " + load.expectedCents());
                    }
                    return new Reallocation(tap.allocationsSeen() - allAllocationsBefore,
                            tap.allocationsOf(ids) - allocationsBefore, tap.entriesSeen() - entriesBefore,
                            (done - started) / 1e9, (posted - started) / 1e9, ledger[1]);
                }
            } else {
                done = -1;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the re-allocation did not settle through reporting within 15 minutes");
    }

    private static void printSummary(Options options, int recordSize, int partitions, KafkaPerfTools.Rates raw,
            Load load, Reallocation reallocation, List<LatencyRun.Result> latencies) {
        double ratio = load.linesPerSecond() / raw.produceRecordsPerSecond();
        StringBuilder out = new StringBuilder();
        out.append("\n================ BDSS pipeline benchmark ================\n");
        out.append(String.format(Locale.ROOT, "machine: %d cores (nproc), max heap of this JVM %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        out.append(String.format(Locale.ROOT, "record size: %d bytes (mean SettlementBooked value on %s), %d partitions%n",
                recordSize, Topics.SETTLEMENTS.name(), partitions));
        out.append(String.format(Locale.ROOT, "raw Kafka produce (acks=all, %d records): %,.0f records/s (avg latency %.1f ms)%n",
                options.rawRecords, raw.produceRecordsPerSecond(), raw.produceAvgLatencyMs()));
        out.append(String.format(Locale.ROOT, "raw Kafka consume:                        %,.0f records/s%n",
                raw.consumeRecordsPerSecond()));
        out.append(String.format(Locale.ROOT, "pipeline (%d contracts -> %d settlement lines in reporting in %.1f s): %,.1f lines/s%n",
                options.contracts, load.entries(), load.seconds(), load.linesPerSecond()));
        out.append(String.format(Locale.ROOT, "ratio pipeline / raw produce: %.4f   (goal >= %.1f: %s)%n", ratio, GOAL_RATIO,
                ratio >= GOAL_RATIO ? "met" : "MISSED"));
        double reallocationRatio = reallocation.linesPerSecond() / raw.produceRecordsPerSecond();
        out.append(String.format(Locale.ROOT, "re-allocation (new counts for the reference date -> %d allocations -> %d"
                        + " correction lines in reporting in %.1f s): %,.1f lines/s%n",
                reallocation.allocations(), reallocation.entries(), reallocation.seconds(), reallocation.linesPerSecond()));
        out.append(String.format(Locale.ROOT, "ratio re-allocation / raw produce: %.4f   (goal >= %.1f: %s)%n",
                reallocationRatio, GOAL_RATIO, reallocationRatio >= GOAL_RATIO ? "met" : "MISSED"));
        for (LatencyRun.Result r : latencies) {
            out.append(String.format(Locale.ROOT, "latency amendment -> sector load changed at %d/s for %d s"
                    + " (%d sent, %.1f/s achieved, %d skipped, %d failed, %d unresolved after 120 s):%n",
                    r.perSecond(), r.seconds(), r.sent(), r.achievedPerSecond(), r.skipped(), r.failures(), r.unresolved()));
            out.append("  from the scheduled start of the amendment (includes its REST call; first change showing an entry booked after it was sent):\n");
            out.append(String.format(Locale.ROOT, "  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  (n=%d)",
                    r.percentileMs(50), r.percentileMs(90), r.percentileMs(99), r.maxMs(), r.histogram().getTotalCount()));
            out.append(String.format(Locale.ROOT, "%n  of which after the 201 of the amendment: p50 %.1f ms  p99 %.1f ms",
                    r.afterAcceptPercentileMs(50), r.afterAcceptPercentileMs(99)));
            if (r.perSecond() == GOAL_RATE) {
                boolean met = r.percentileMs(99) < GOAL_P99_MS && r.unresolved() == 0 && r.failures() == 0;
                out.append(String.format(Locale.ROOT, "   (goal p99 < %.0f ms at %d/s: %s)", GOAL_P99_MS, GOAL_RATE,
                        met ? "met" : "MISSED"));
            }
            out.append('\n');
        }
        out.append("=========================================================\n");
        System.out.print(out);
    }

    /** A registered contract as the latency run amends it: its current terms and ETag. */
    static final class Registered {
        private final String id;
        private final String insurer;
        private volatile Terms terms;
        private volatile String etag;
        private volatile boolean busy;

        Registered(String id, String insurer, Terms terms, String etag) {
            this.id = id;
            this.insurer = insurer;
            this.terms = terms;
            this.etag = etag;
        }

        String id() {
            return id;
        }

        String insurer() {
            return insurer;
        }

        Terms terms() {
            return terms;
        }

        String etag() {
            return etag;
        }

        boolean busy() {
            return busy;
        }

        void busy(boolean busy) {
            this.busy = busy;
        }

        void amended(Terms newTerms, String newEtag) {
            this.terms = newTerms;
            this.etag = newEtag;
        }
    }

    private record Options(Path repo, int contracts, int year, long rawRecords, int[] rates, int seconds,
            int warmUpContracts, long seed) {

        static Options parse(String[] args) {
            Path repo = Path.of(".");
            int contracts = 300;
            int year = 2025;
            long rawRecords = 200_000;
            int[] rates = {20, 100};
            int seconds = 30;
            int warmUp = 200;
            long seed = System.currentTimeMillis();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(value);
                    case "--contracts" -> contracts = Integer.parseInt(value);
                    case "--year" -> year = Integer.parseInt(value);
                    case "--raw-records" -> rawRecords = Long.parseLong(value);
                    case "--rates" -> rates = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warm-up-contracts" -> warmUp = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(repo.toAbsolutePath().normalize(), contracts, year, rawRecords, rates, seconds, warmUp,
                    seed);
        }
    }
}
