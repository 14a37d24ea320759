package nl.bdss.system.benchmark;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.workload.ContractDocuments;
import nl.bdss.system.workload.Terms;
import nl.bdss.system.workload.Workload;
import org.HdrHistogram.Histogram;

/**
 * Amends contracts at a fixed rate (changing the lump sum, so every amendment changes the settled load) and records,
 * per amendment, the time to the first SectorLoadChanged showing a settlement entry of that contract that arrived
 * after the amendment was sent: once from the amendment's scheduled start (a backlog at the contract service counts, no
 * coordinated omission) and once from the 201. A contract is amended again only once its previous amendment reached
 * reporting; when every contract still waits, the slot is skipped and counted. Run {@link #drain()} first, so changes
 * left over from an earlier run are not taken for this run's.
 */
final class LatencyRun {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final StackClient client;
    private final ContractDocuments documents;
    private final EventTap tap;
    private final Workload workload;
    private final List<Benchmark.Registered> contracts;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();
    /** When each amendment's request was sent. */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    /** Amendments whose change reached reporting before their 201 reached us (a slow response). */
    private final Map<String, Long> resolvedBeforeAccept = new ConcurrentHashMap<>();
    private final Histogram histogram = new Histogram(3);
    private final Histogram afterAccept = new Histogram(3);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();

    LatencyRun(StackClient client, ContractDocuments documents, EventTap tap, Workload workload,
            List<Benchmark.Registered> contracts) {
        this.client = client;
        this.documents = documents;
        this.workload = workload;
        this.contracts = contracts;
        this.tap = tap;
        tap.onSectorLoadChange((contractId, entryNanos, arrivedNanos) -> {
            // Only an entry that arrived after the amendment was sent: an earlier one is left over from before it
            // (a contract is amended again only once its previous amendment was resolved).
            Long sentNanos = sentAt.get(contractId);
            if (sentNanos == null || entryNanos < sentNanos || !sentAt.remove(contractId, sentNanos)) {
                return;
            }
            Long scheduled = pending.remove(contractId);
            synchronized (histogram) {
                if (scheduled != null) {
                    histogram.recordValue(Math.max(0, arrivedNanos - scheduled));
                }
                Long acceptedAt = accepted.remove(contractId);
                if (acceptedAt != null) {
                    afterAccept.recordValue(Math.max(0, arrivedNanos - acceptedAt));
                } else {
                    resolvedBeforeAccept.put(contractId, arrivedNanos);
                }
            }
        });
    }

    /** Waits until reporting announced nothing for a few seconds: the backlog of an earlier run is gone. */
    long drain() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() - tap.lastSectorLoadNanos() < TimeUnit.SECONDS.toNanos(3)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    Result run(int perSecond, int seconds) throws InterruptedException {
        synchronized (histogram) {
            histogram.reset();
            afterAccept.reset();
        }
        int total = perSecond * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        ExecutorService senders = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        int next = 0;
        int sent = 0;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Benchmark.Registered target = null;
            for (int tries = 0; tries < contracts.size() && target == null; tries++) {
                Benchmark.Registered candidate = contracts.get(next++ % contracts.size());
                if (!pending.containsKey(candidate.id()) && !candidate.busy()) {
                    target = candidate;
                }
            }
            if (target == null) {
                skipped.incrementAndGet();
                continue;
            }
            Benchmark.Registered chosen = target;
            chosen.busy(true);
            pending.put(chosen.id(), scheduled);
            sent++;
            senders.execute(() -> amend(chosen));
        }
        double achieved = sent / ((System.nanoTime() - start) / 1e9);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int unresolved = pending.size();
        pending.clear();
        accepted.clear();
        sentAt.clear();
        resolvedBeforeAccept.clear();
        synchronized (histogram) {
            return new Result(perSecond, seconds, sent, achieved, skipped.getAndSet(0), failures.getAndSet(0), unresolved,
                    histogram.copy(), afterAccept.copy());
        }
    }

    private void amend(Benchmark.Registered contract) {
        try {
            long lumpSum;
            do {
                lumpSum = workload.steadyLumpSum();
            } while (lumpSum == contract.terms().lumpSumCents());
            Terms amended = contract.terms().withLumpSum(lumpSum);
            sentAt.put(contract.id(), System.nanoTime());
            String etag = client.amend(StackClient.insurer(contract.insurer()), contract.id(), contract.etag(),
                    amended.validFrom(), documents.document(amended), UUID.randomUUID().toString());
            long acceptedAt = System.nanoTime();
            synchronized (histogram) {
                if (resolvedBeforeAccept.remove(contract.id()) != null) {
                    afterAccept.recordValue(0);
                } else if (pending.containsKey(contract.id())) {
                    accepted.put(contract.id(), acceptedAt);
                }
            }
            contract.amended(amended, etag);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            pending.remove(contract.id());
            sentAt.remove(contract.id());
            System.err.println("amendment failed: " + e.getMessage());
        } finally {
            contract.busy(false);
        }
    }

    record Result(int perSecond, int seconds, int sent, double achievedPerSecond, long skipped, int failures,
            int unresolved, Histogram histogram, Histogram afterAccept) {

        double percentileMs(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }

        /** The part after the contract service answered 201 (REST time and queueing excluded). */
        double afterAcceptPercentileMs(double percentile) {
            return afterAccept.getValueAtPercentile(percentile) / 1e6;
        }

        double maxMs() {
            return histogram.getMaxValue() / 1e6;
        }
    }
}
