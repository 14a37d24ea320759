package nl.bdss.system.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.bdss.events.Topics;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pipeline benchmark against the running local stack (see run.sh): (b) settlement lines per second fully
 * processed through reporting, from contract registration and from a national re-allocation (new counts for the
 * contracts' reference date), then (a) raw Kafka produce and consume rates for records of the measured
 * SettlementBooked size, then end-to-end latency (contract amendment to sector load updated) at fixed rates.
 *
 * <p>Options: {@code --repo DIR --contracts N --year Y --raw-records N --rates 20,100 --seconds S --seed N}.
 */
public final class Benchmark {

    private static final String BOOTSTRAP = "localhost:9092";
    private static final String REGISTRY = "http://localhost:8081";
    private static final double GOAL_RATIO = 0.2;
    private static final double GOAL_P99_MS = 250;
    private static final int GOAL_RATE = 100;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        StackClient stack = new StackClient(options.repo);
        stack.refreshTokens();
        ObjectNode example = (ObjectNode) stack.json().readTree(
                Files.readString(options.repo.resolve("examples/contract-manual-example.json")));
        Workload workload = new Workload(options.seed, example, options.year);
        System.out.printf("seed %d, %d contracts valid in %d, counts for reference date %s%n", options.seed,
                options.contracts, options.year, workload.referenceDate());

        try (EventTap tap = new EventTap(BOOTSTRAP, REGISTRY)) {
            // (b) throughput: counts, then all contracts, until reporting shows the whole expected load.
            long baseline = stack.sectorLoadTotalCents(options.year);
            List<Workload.Contract> generated = new ArrayList<>();
            long expectedCents = 0;
            for (int i = 0; i < options.contracts; i++) {
                Workload.Contract contract = workload.contract(i);
                generated.add(contract);
                expectedCents += contract.expectedZvwCentsInYear();
            }
            long started = System.nanoTime();
            stack.postCounts(workload.countsCsv());
            List<Registered> registered = register(stack, generated);
            long posted = System.nanoTime();
            long reached = waitForLoad(stack, options.year, baseline + expectedCents, started);
            List<String> ids = registered.stream().map(Registered::id).toList();
            long[] entries = waitForEntries(tap, ids, expectedCents);
            double seconds = (reached - started) / 1e9;
            double linesPerSecond = entries[0] / seconds;
            System.out.printf(Locale.ROOT, "pipeline: %d contracts posted in %.1f s; %d settlement entries (%d cents,"
                    + " expected from the inputs %d) fully in reporting after %.1f s%n", ids.size(),
                    (posted - started) / 1e9, entries[0], entries[1], expectedCents, seconds);

            // (b2) a national re-allocation: new counts for the same reference date re-allocate every contract at once.
            Reallocation reallocation = reallocate(stack, workload, tap, ids, expectedCents);
            System.out.printf(Locale.ROOT, "re-allocation: %d allocations (%d of this run's contracts; earlier runs' contracts"
                    + " with the same reference date are re-allocated too), %d settlement entries (corrections), through"
                    + " reporting %.1f s after the delivery's POST (%.1f s for the POST); ledger of this run's contracts"
                    + " still %d cents%n", reallocation.allocations, reallocation.ownAllocations, reallocation.entries,
                    reallocation.seconds, reallocation.postSeconds, reallocation.ledgerCents);

            // (a) raw Kafka with records of the size just measured on the settlement topic.
            int recordSize = (int) Math.round(tap.averageEntryBytes());
            int partitions = partitionsOfSettlements();
            stack.refreshTokens();
            KafkaPerfTools.Rates raw = new KafkaPerfTools(BOOTSTRAP).measure(
                    "bdss.benchmark.raw-" + options.seed, partitions, options.rawRecords, recordSize);
            System.out.println("ProducerPerformance: " + raw.producerSummary());
            System.out.println("ConsumerPerformance: " + raw.consumerSummary());

            // Latency at the fixed rates.
            List<LatencyRun.Result> latencies = new ArrayList<>();
            LatencyRun latencyRun = new LatencyRun(stack, tap, workload, registered);
            for (int rate : options.rates) {
                long drainedMs = latencyRun.drain();
                System.out.printf("reporting quiet after waiting %d ms; starting %d amendments/s%n", drainedMs, rate);
                stack.refreshTokens();
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

            printSummary(options, recordSize, partitions, raw, entries[0], seconds, linesPerSecond, reallocation,
                    latencies);
        }
    }

    private static List<Registered> register(StackClient stack, List<Workload.Contract> contracts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Registered>> futures = new ArrayList<>();
            for (Workload.Contract contract : contracts) {
                futures.add(pool.submit(() -> {
                    StackClient.Registered done = stack.registerContract(contract.insurer(), contract.body());
                    return new Registered(done.id(), contract.insurer(), contract.body(), done.etag());
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

    /** What the re-allocation phase measured. */
    record Reallocation(long allocations, long ownAllocations, long entries, double seconds, double postSeconds,
            long ledgerCents) {
        double linesPerSecond() {
            return entries / seconds;
        }
    }

    /**
     * Posts a replacement delivery for the contracts' reference date (other counts, so every contract's market shares
     * change), which re-allocates every contract in the delivery's transaction; then waits until allocation published
     * a new allocation for each, settlement consumed them all, and reporting consumed every settlement entry that
     * followed. Done is the first moment all three held with no settlement entry arriving after it (confirmed by
     * two quiet seconds, not counted).
     */
    private static Reallocation reallocate(StackClient stack, Workload workload, EventTap tap, List<String> ids,
            long expectedCents) throws InterruptedException {
        long allocationsBefore = tap.allocationsOf(ids);
        long allAllocationsBefore = tap.allocationsSeen();
        long entriesBefore = tap.entriesSeen();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        try (GroupLag lag = new GroupLag(BOOTSTRAP)) {
            long started = System.nanoTime();
            stack.postCounts(workload.countsCsv());
            long posted = System.nanoTime();
            long done = -1;
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                boolean allAllocated = tap.allocationsOf(ids) - allocationsBefore >= ids.size();
                if (allAllocated && lag.lag("settlement-service", Topics.ALLOCATIONS.name()) == 0
                        && lag.lag("reporting-service", Topics.SETTLEMENTS.name()) == 0) {
                    if (done < 0 || tap.lastEntryNanos() > done) {
                        done = now;
                    } else if (now - done > TimeUnit.SECONDS.toNanos(2)) {
                        long[] ledger = tap.entriesOf(ids);
                        if (ledger[1] != expectedCents) {
                            throw new IllegalStateException("after the re-allocation the contracts' entries sum to "
                                    + ledger[1] + " cents, expected still " + expectedCents);
                        }
                        return new Reallocation(tap.allocationsSeen() - allAllocationsBefore,
                                tap.allocationsOf(ids) - allocationsBefore, tap.entriesSeen() - entriesBefore, (done - started) / 1e9, (posted - started) / 1e9,
                                ledger[1]);
                    }
                } else {
                    done = -1;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the re-allocation did not settle through reporting within 15 minutes");
        }
    }

    private static long waitForLoad(StackClient stack, int year, long target, long started) throws InterruptedException {
        long deadline = started + TimeUnit.MINUTES.toNanos(15);
        long total = stack.sectorLoadTotalCents(year);
        while (total != target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting shows " + total + " cents for " + year + ", expected " + target);
            }
            Thread.sleep(100);
            total = stack.sectorLoadTotalCents(year);
        }
        return System.nanoTime();
    }

    /** Reporting has them all, so the tap (which reads the same topic) has them too within moments. */
    private static long[] waitForEntries(EventTap tap, List<String> ids, long expectedCents) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long[] entries = tap.entriesOf(ids);
        while (entries[1] != expectedCents && System.nanoTime() < deadline) {
            Thread.sleep(100);
            entries = tap.entriesOf(ids);
        }
        return entries;
    }

    private static int partitionsOfSettlements() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
                java.util.Map.of("bootstrap.servers", BOOTSTRAP),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            return consumer.partitionsFor(Topics.SETTLEMENTS.name()).size();
        }
    }

    private static void printSummary(Options options, int recordSize, int partitions, KafkaPerfTools.Rates raw,
            long lines, double seconds, double linesPerSecond, Reallocation reallocation,
            List<LatencyRun.Result> latencies) {
        double ratio = linesPerSecond / raw.produceRecordsPerSecond();
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
                options.contracts, lines, seconds, linesPerSecond));
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

    /** A registered contract as the latency run amends it: its current body and ETag. */
    static final class Registered {
        private final String id;
        private final String insurer;
        private volatile ObjectNode body;
        private volatile String etag;
        private volatile boolean busy;

        Registered(String id, String insurer, ObjectNode body, String etag) {
            this.id = id;
            this.insurer = insurer;
            this.body = body;
            this.etag = etag;
        }

        String id() {
            return id;
        }

        String insurer() {
            return insurer;
        }

        ObjectNode body() {
            return body;
        }

        String etag() {
            return etag;
        }

        long lumpSumCents() {
            return body.get("budget").get("lumpSumCents").asLong();
        }

        boolean busy() {
            return busy;
        }

        void busy(boolean busy) {
            this.busy = busy;
        }

        void amended(ObjectNode newBody, String newEtag) {
            this.body = newBody;
            this.etag = newEtag;
        }
    }

    private record Options(Path repo, int contracts, int year, long rawRecords, int[] rates, int seconds, long seed) {

        static Options parse(String[] args) {
            Path repo = Path.of(".");
            int contracts = 300;
            int year = 2025;
            long rawRecords = 200_000;
            int[] rates = {20, 100};
            int seconds = 30;
            long seed = System.currentTimeMillis();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(value);
                    case "--contracts" -> contracts = Integer.parseInt(value);
                    case "--year" -> year = Integer.parseInt(value);
                    case "--raw-records" -> rawRecords = Long.parseLong(value);
                    case "--rates" -> rates = java.util.Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(repo.toAbsolutePath().normalize(), contracts, year, rawRecords, rates, seconds, seed);
        }
    }
}
