package nl.bdss.allocation.split.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.allocation.counts.application.Delivery;
import nl.bdss.allocation.counts.application.DeliveryStore;
import nl.bdss.allocation.counts.application.InsuredCountsDelivered;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.Allocation;
import nl.bdss.allocation.split.domain.AllocationStatus;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every contract's allocation up to date (R7, R10, R11): on each new contract version, and on each insured
 * count delivery its market shares depend on. A result that differs from the last published one is stored and
 * announced in the same transaction; an unchanged result publishes nothing.
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
    private final Clock clock;

    Allocations(ContractEventInbox inbox, ContractTermsStore contracts, AllocationStore allocations,
            DeliveryStore deliveries, AllocationCalculation calculation, AllocationPublisher publisher, Clock clock) {
        this.inbox = inbox;
        this.contracts = contracts;
        this.allocations = allocations;
        this.deliveries = deliveries;
        this.calculation = calculation;
        this.publisher = publisher;
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
        lockDatasetOf(terms);
        Optional<Integer> applied = contracts.lockAppliedVersion(terms.contractId());
        if (applied.isPresent() && terms.version() <= applied.get()) {
            log.info("Contract {} version {} ignored: version {} is applied already", terms.contractId(), terms.version(),
                    applied.get());
            return Applied.OUT_OF_ORDER;
        }
        contracts.save(version, clock.instant());
        return recompute(terms) ? Applied.PUBLISHED : Applied.UNCHANGED;
    }

    /** Runs inside the delivery's transaction, which holds the dataset's lock: pending and affected allocations. */
    @EventListener
    public void countsDelivered(InsuredCountsDelivered delivered) {
        for (String contractId : contracts.usingDataset(delivered.source(), delivered.referenceDate())) {
            contracts.lockAppliedVersion(contractId);
            contracts.find(contractId).ifPresent(this::recompute);
        }
    }

    /**
     * Recomputes the allocation over the contract's whole terms history (R8): each segment's periods are split by
     * the market shares of the terms then in force. The stored dataset is the latest terms' one.
     */
    private boolean recompute(ContractTerms terms) {
        Allocation allocation = calculation.allocate(contracts.versions(terms.contractId()));
        Optional<Delivery> dataset = calculation.dataset(terms);
        Optional<StoredAllocation> latest = allocations.latest(terms.contractId());
        if (latest.isPresent() && latest.get().allocation().equals(allocation)) {
            return false;
        }
        Instant now = clock.instant();
        StoredAllocation stored = new StoredAllocation(terms.contractId(),
                latest.map(StoredAllocation::allocationVersion).orElse(0) + 1, terms.version(),
                terms.purchasing().source(),
                allocation.status() == AllocationStatus.PENDING ? null : dataset.map(Delivery::id).orElse(null),
                allocation, UUID.randomUUID(), now);
        allocations.insert(stored);
        publisher.publish(stored);
        log.info("Contract {} allocation {} ({}) published", terms.contractId(), stored.allocationVersion(),
                allocation.status());
        return true;
    }

    /**
     * Takes the count datasets' locks a batch of contract versions needs, in one global order and before any
     * contract's row lock. Batches on other partitions and count deliveries (dataset lock, then the contracts' rows
     * in id order) then never wait on each other in a cycle: without this, two batches meeting the same datasets in
     * different orders deadlock, and one of them is rolled back and applied again record by record.
     */
    @Transactional
    public void lockDatasetsOf(Collection<ContractTerms> batch) {
        batch.stream()
                .map(ContractTerms::purchasing)
                .filter(purchasing -> purchasing.source() != null)
                .map(purchasing -> new DatasetKey(purchasing.source(), purchasing.referenceDate()))
                .distinct()
                .sorted(DatasetKey.ORDER)
                .forEach(key -> deliveries.lockDataset(key.source(), key.referenceDate()));
    }

    private record DatasetKey(CountSource source, LocalDate referenceDate) {
        static final Comparator<DatasetKey> ORDER = Comparator.comparing((DatasetKey key) -> key.source().name())
                .thenComparing(DatasetKey::referenceDate, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private void lockDatasetOf(ContractTerms terms) {
        CountSource source = terms.purchasing().source();
        if (source != null) {
            deliveries.lockDataset(source, terms.purchasing().referenceDate());
        }
    }
}
