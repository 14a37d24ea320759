package nl.bdss.system.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reporting rebuild benchmark against the running local stack: N contracts over the whole experiment (five
 * years, 1 May 2024 until 30 April 2029, yearly lump sums unless {@code --period} says otherwise), every month up to
 * the end closed (settlement books all periods), then reporting's read models rebuilt from offset 0, timed until the
 * rebuild ends and every year's sector loads are identical to before.
 *
 * <p>Options: {@code --repo DIR --contracts N --period YEAR|QUARTER|MONTH --seed N}.
 */
public final class RebuildBenchmark {

    private static final double GOAL_SECONDS = 60;
    private static final int FIRST_YEAR = 2024;
    private static final int LAST_YEAR = 2029;

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(".");
        int contracts = 2000;
        String period = "YEAR";
        long seed = System.currentTimeMillis();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[i + 1]);
                case "--contracts" -> contracts = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--period" -> period = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StackClient stack = new StackClient(repo.toAbsolutePath().normalize());
        stack.refreshTokens();
        ObjectNode example = (ObjectNode) stack.json().readTree(
                Files.readString(repo.resolve("examples/contract-manual-example.json")));
        Workload workload = new Workload(seed, example, FIRST_YEAR);
        System.out.printf("seed %d, %d contracts over the whole experiment (%s), counts for reference date %s%n", seed,
                contracts, period, workload.referenceDate());

        List<Workload.Contract> generated = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            generated.add(workload.contract(i, period));
        }
        long started = System.nanoTime();
        stack.postCounts(workload.countsCsv());
        register(stack, generated);
        System.out.printf(Locale.ROOT, "registered %d contracts in %.1f s%n", contracts, (System.nanoTime() - started) / 1e9);

        // Close every month up to the end of the experiment, again until a close books nothing and reporting has
        // consumed everything (a close is idempotent: it books only what is due and not booked yet; allocations
        // still on their way are booked by the next round).
        long booked = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        long bookedThisRound;
        long[] lagAndEnd;
        do {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not settle within an hour");
            }
            stack.refreshTokens();
            bookedThisRound = 0;
            for (LocalDate month = LocalDate.now().withDayOfMonth(1).plusMonths(1).minusDays(1);
                    !month.isAfter(Workload.EXPERIMENT_UNTIL); month = month.plusDays(1).plusMonths(1).minusDays(1)) {
                bookedThisRound += stack.closePeriods(month.toString());
            }
            booked += bookedThisRound;
            lagAndEnd = waitUntilReportingIsIdle(stack);
        } while (bookedThisRound > 0);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long total = totalOverTheExperiment(stack);
        System.out.printf(Locale.ROOT, "all periods settled and in reporting after %.1f s (%d entries booked by period "
                + "closes; %d settlement entries on the topic)%n", loadSeconds, booked, lagAndEnd[1]);

        List<String> before = snapshot(stack);
        long rebuildStarted = System.nanoTime();
        stack.startRebuild();
        long rebuildDeadline = rebuildStarted + TimeUnit.MINUTES.toNanos(20);
        while (stack.rebuildInProgress() || !snapshot(stack).equals(before)) {
            if (System.nanoTime() > rebuildDeadline) {
                throw new IllegalStateException("the rebuild did not reproduce the read models within 20 minutes");
            }
            Thread.sleep(250);
        }
        double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;

        StringBuilder out = new StringBuilder("\n================ BDSS reporting rebuild benchmark ================\n");
        out.append(String.format(Locale.ROOT, "machine: %d cores (nproc)%n", Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "data: %d contracts x 5 years (%s lump sums) from this run plus what the stack "
                + "held before: %d settlement entries, %d contract versions, %d allocations on the topics%n", contracts,
                period, lagAndEnd[1], lagAndEnd[2], lagAndEnd[3]));
        out.append(String.format(Locale.ROOT, "settled Zvw load %d-%d in reporting: %d cents%n", FIRST_YEAR, LAST_YEAR, total));
        out.append(String.format(Locale.ROOT, "rebuild from offset 0 until identical sector loads for every year: %.1f s"
                + "   (goal < %.0f s: %s)%n", rebuildSeconds, GOAL_SECONDS, rebuildSeconds < GOAL_SECONDS ? "met" : "MISSED"));
        out.append("==================================================================\n");
        System.out.print(out);
    }

    /** Waits until reporting has consumed everything and the settlement topic stopped growing; {lag, entries, versions, allocations}. */
    private static long[] waitUntilReportingIsIdle(StackClient stack) throws InterruptedException {
        long[] previous = stack.reportingLagAndSettlementEnd();
        while (true) {
            Thread.sleep(3_000);
            long[] now = stack.reportingLagAndSettlementEnd();
            if (now[0] == 0 && now[1] == previous[1] && now[2] == previous[2] && now[3] == previous[3]) {
                return now;
            }
            previous = now;
        }
    }

    private static long totalOverTheExperiment(StackClient stack) {
        long total = 0;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            total += stack.sectorLoadTotalCents(year);
        }
        return total;
    }

    private static List<String> snapshot(StackClient stack) {
        List<String> loads = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            loads.add(stack.sectorLoads(year));
        }
        return loads;
    }

    private static void register(StackClient stack, List<Workload.Contract> contracts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Workload.Contract contract : contracts) {
                futures.add(pool.submit(() -> stack.registerContract(contract.insurer(), contract.body())));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
