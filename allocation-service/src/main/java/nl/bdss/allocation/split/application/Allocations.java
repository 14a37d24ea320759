package nl.bdss.allocation.split.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.bdss.allocation.counts.application.DeliveryStore;
import nl.bdss.allocation.counts.application.InsuredCountsDelivered;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.AllocatedPeriod;
import nl.bdss.allocation.split.domain.Allocation;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.allocation.split.domain.Correction;
import nl.bdss.allocation.split.domain.Corrections;
import nl.bdss.allocation.split.domain.Purchasing;
import nl.bdss.allocation.split.domain.Reallocation;
import nl.bdss.allocation.split.domain.SettledPeriods;
import nl.bdss.allocation.split.domain.TermsHistory;
import nl.bdss.allocation.split.domain.TermsSegment;
import nl.bdss.allocation.split.domain.YearShares;
import nl.bdss.kernel.time.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every contract's allocation up to date (R7, R10, R11): on each new contract version, on each insured count
 * delivery its market shares depend on, and on an operator's reopen. A result that differs from the last published
 * one is stored and announced in the same transaction, with its cause; an unchanged result publishes nothing.
 *
 * <p>Settled stays settled ({@link SettledPeriods}, today by the service clock): a count delivery re-allocates only
 * the contracts and contract years that use its reference date and have a period not yet settled (or pending), and
 * keeps every settled period's lines; a new contract version keeps the settled periods' market shares; only a
 * reopen allocates settled periods again with the current counts.
 */
@Service
public class Allocations {

    private static final Logger log = LoggerFactory.getLogger(Allocations.class);

    private final ContractEventInbox inbox;
    private final ContractTermsStore contracts;
    private final AllocationStore allocations;
    private final DeliveryStore deliveries;
    private final AllocationCalculation calculation;
    private final AllocationPublisher publisher;
    private final ReopenAudit audit;
    private final Clock clock;

    Allocations(ContractEventInbox inbox, ContractTermsStore contracts, AllocationStore allocations,
            DeliveryStore deliveries, AllocationCalculation calculation, AllocationPublisher publisher,
            ReopenAudit audit, Clock clock) {
        this.inbox = inbox;
        this.contracts = contracts;
        this.allocations = allocations;
        this.deliveries = deliveries;
        this.calculation = calculation;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Applied {
        /** The same event was applied before. */
        DUPLICATE,
        /** A version at or below the one applied already: versions apply in order only. */
        OUT_OF_ORDER,
        PUBLISHED,
        UNCHANGED
    }

    @Transactional
    public Applied applyContractVersion(UUID eventId, ContractVersion version) {
        ContractTerms terms = version.terms();
        if (!inbox.firstDelivery(eventId)) {
            return Applied.DUPLICATE;
        }
        lockDatasetsOf(List.of(terms));
        Optional<Integer> applied = contracts.lockAppliedVersion(terms.contractId());
        if (applied.isPresent() && terms.version() <= applied.get()) {
            log.info("Contract {} version {} ignored: version {} is applied already", terms.contractId(), terms.version(),
                    applied.get());
            return Applied.OUT_OF_ORDER;
        }
        contracts.save(version, clock.instant());
        Optional<StoredAllocation> latest = allocations.latest(terms.contractId());
        Allocation allocation = calculation.allocate(contracts.versions(terms.contractId()),
                against(latest, Reallocation.Cause.CONTRACT_VERSION, Set.of()));
        return store(terms, latest, allocation, StoredAllocation.CONTRACT_VERSION).isPresent()
                ? Applied.PUBLISHED : Applied.UNCHANGED;
    }

    /**
     * Runs inside the delivery's transaction, which holds the dataset's lock: the contracts with a contract year on
     * this reference date that is pending or has a period not yet settled. A year all of whose periods are settled
     * keeps them: a (replacement) delivery for its date changes nothing, only a reopen does.
     */
    @EventListener
    public void countsDelivered(InsuredCountsDelivered delivered) {
        LocalDate today = LocalDate.now(clock);
        for (String contractId : contracts.usingDataset(delivered.source(), delivered.referenceDate())) {
            contracts.lockAppliedVersion(contractId);
            Optional<ContractTerms> terms = contracts.find(contractId);
            if (terms.isEmpty()) {
                continue;
            }
            List<ContractVersion> versions = contracts.versions(contractId);
            Optional<StoredAllocation> latest = allocations.latest(contractId);
            Set<Integer> years = yearsUsing(versions, delivered.source(), delivered.referenceDate());
            if (latest.isPresent() && !open(latest.get().allocation(), years, today)) {
                log.info("Contract {}: every period of contract years {} on {} is settled, kept as allocated", contractId,
                        years, delivered.referenceDate());
                continue;
            }
            Allocation allocation = calculation.allocate(versions,
                    against(latest, Reallocation.Cause.COUNTS_DELIVERED, Set.of()));
            store(terms.get(), latest, allocation, StoredAllocation.COUNTS_DELIVERED);
        }
    }

    /** What an operator's reopen would book, or booked: the corrections and the allocation it published, if any. */
    public record Reopened(String contractId, List<Integer> years, boolean dryRun, boolean changed,
            List<Correction> corrections, Integer allocationVersion) {
    }

    /**
     * Allocates the settled periods of {@code years} (null or empty: every year with settled periods) again with the
     * current counts. A dry run stores nothing; the real one stores and publishes the result with the cause
     * {@code REOPENED: <reason>} and writes the audit entry; when nothing would change it publishes nothing.
     *
     * @throws ReopenProblem for an unknown contract, a year that is not the contract's, a named year still pending
     */
    @Transactional
    public Reopened reopen(String contractId, List<Integer> years, String reason, boolean dryRun, String clientId) {
        Optional<ContractTerms> found = contracts.find(contractId);
        if (found.isEmpty()) {
            throw new ReopenProblem(ReopenProblem.Kind.UNKNOWN_CONTRACT, "no allocation for contract " + contractId);
        }
        lockDatasetsOf(List.of(found.get()));
        contracts.lockAppliedVersion(contractId);
        ContractTerms terms = contracts.find(contractId).orElseThrow();
        StoredAllocation latest = allocations.latest(contractId).orElseThrow(() -> new ReopenProblem(
                ReopenProblem.Kind.UNKNOWN_CONTRACT, "no allocation for contract " + contractId));
        LocalDate today = LocalDate.now(clock);
        Set<Integer> reopened = new TreeSet<>();
        if (years == null || years.isEmpty()) {
            reopened.addAll(SettledPeriods.years(latest.allocation(), today));
        } else {
            for (Integer year : years) {
                if (year == null || year < terms.validFrom().getYear() || year > terms.validUntil().getYear()) {
                    throw new ReopenProblem(ReopenProblem.Kind.NOT_A_CONTRACT_YEAR, "contract " + contractId + " runs "
                            + terms.validFrom() + " to " + terms.validUntil() + ": " + year + " is none of its years");
                }
                reopened.add(year);
            }
        }
        Allocation proposed = calculation.allocate(contracts.versions(contractId),
                new Reallocation(latest.allocation(), latest.datasetId(), today, Reallocation.Cause.REOPENED, reopened));
        // a reopened year is split by its counts again: without them its settled periods would be left out
        List<String> pending = new ArrayList<>();
        for (Integer year : reopened) {
            proposed.year(year).filter(YearShares::pending)
                    .ifPresent(y -> pending.add(y.year() + " (" + y.pendingReason() + ")"));
        }
        if (!pending.isEmpty()) {
            throw new ReopenProblem(ReopenProblem.Kind.YEAR_PENDING, "contract " + contractId
                    + ": the counts of contract year " + String.join(", ", pending) + " are missing (R11)");
        }
        List<Correction> corrections = Corrections.between(latest.allocation(), proposed);
        List<Integer> named = List.copyOf(reopened);
        if (dryRun) {
            return new Reopened(contractId, named, true, !corrections.isEmpty(), corrections, null);
        }
        Integer published = null;
        if (!corrections.isEmpty()) {
            published = store(terms, Optional.of(latest), proposed, StoredAllocation.REOPENED + reason)
                    .map(StoredAllocation::allocationVersion).orElse(null);
        }
        audit.record(new ReopenAudit.Entry(contractId, clientId, reason, named, published, corrections.size(),
                clock.instant()));
        log.info("Contract {}: years {} reopened by {} ({} corrections)", contractId, named, clientId, corrections.size());
        return new Reopened(contractId, named, false, published != null, corrections, published);
    }

    /**
     * The contracts that split a contract year by this source's counts of the date (every version's terms), for a
     * reopen of all of them after a corrected delivery.
     */
    @Transactional(readOnly = true)
    public List<String> contractsUsing(CountSource source, LocalDate referenceDate) {
        return contracts.usingDataset(source, referenceDate);
    }

    /** The current allocation, if any, as the basis of the next one. */
    private Reallocation against(Optional<StoredAllocation> latest, Reallocation.Cause cause, Set<Integer> reopened) {
        return latest.map(stored -> new Reallocation(stored.allocation(), stored.datasetId(), LocalDate.now(clock), cause,
                reopened)).orElseGet(() -> Reallocation.first(cause));
    }

    /** Stores and publishes the allocation unless it equals the latest one. */
    private Optional<StoredAllocation> store(ContractTerms terms, Optional<StoredAllocation> latest, Allocation allocation,
            String cause) {
        if (latest.isPresent() && latest.get().allocation().sameAs(allocation)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        UUID datasetId = allocation.yearShares().isEmpty() ? null : allocation.yearShares().get(0).datasetId();
        StoredAllocation stored = new StoredAllocation(terms.contractId(),
                latest.map(StoredAllocation::allocationVersion).orElse(0) + 1, terms.version(),
                terms.purchasing().source(), datasetId, allocation, UUID.randomUUID(), now, cause, terms.reference());
        allocations.insert(stored);
        publisher.publish(stored);
        log.info("Contract {} allocation {} ({}, {}) published", terms.contractId(), stored.allocationVersion(),
                allocation.status(), cause);
        return Optional.of(stored);
    }

    /** The contract years whose periods any version of the terms history splits by this source's counts of the date. */
    private static Set<Integer> yearsUsing(List<ContractVersion> versions, CountSource source, LocalDate referenceDate) {
        Set<Integer> years = new TreeSet<>();
        for (TermsSegment segment : TermsHistory.segments(versions)) {
            Purchasing purchasing = segment.terms().purchasing();
            if (purchasing.source() != source) {
                continue;
            }
            for (int year = segment.from().getYear(); year <= segment.until().getYear(); year++) {
                if (referenceDate.equals(purchasing.referenceDateOf(year))) {
                    years.add(year);
                }
            }
        }
        return years;
    }

    /**
     * Whether one of the years is pending, keeps settled periods on shares other than its counts and terms would give
     * (an amendment of the insurers may be waiting for these counts), or has a period that is missing or not yet
     * settled.
     */
    private static boolean open(Allocation current, Set<Integer> years, LocalDate today) {
        if (current.yearShares().isEmpty()) {
            return true;
        }
        for (int year : years) {
            Optional<YearShares> record = current.year(year);
            if (record.isEmpty() || record.get().pending() || record.get().settledPeriodsKept()) {
                return true;
            }
            for (AllocatedPeriod period : current.periods()) {
                if (Period.of(period.start(), period.end()).year() == year
                        && !SettledPeriods.isSettled(period, current.paymentTiming(), today)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Takes the count datasets' locks a batch of contract versions needs (every reference date of their contract
     * years), in one global order and before any contract's row lock. Batches on other partitions and count
     * deliveries (dataset lock, then the contracts' rows in id order) then never wait on each other in a cycle:
     * without this, two batches meeting the same datasets in different orders deadlock, and one of them is rolled
     * back and applied again record by record.
     */
    @Transactional
    public void lockDatasetsOf(Collection<ContractTerms> batch) {
        batch.stream()
                .filter(terms -> terms.purchasing().source() != null)
                .flatMap(terms -> terms.purchasing().referenceDatesWithin(Period.of(terms.validFrom(), terms.validUntil()))
                        .stream().map(date -> new DatasetKey(terms.purchasing().source(), date)))
                .distinct()
                .sorted(DatasetKey.ORDER)
                .forEach(key -> deliveries.lockDataset(key.source(), key.referenceDate()));
    }

    private record DatasetKey(CountSource source, LocalDate referenceDate) {
        static final Comparator<DatasetKey> ORDER = Comparator.comparing((DatasetKey key) -> key.source().name())
                .thenComparing(DatasetKey::referenceDate, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
