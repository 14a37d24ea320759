package nl.bdss.reporting.contracts.messaging;

import java.util.List;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.BatchTransactions;
import nl.bdss.messaging.ConsumerConfiguration;
import nl.bdss.messaging.RejectedEventException;
import nl.bdss.reporting.contracts.application.AllocationProjection;
import nl.bdss.reporting.contracts.application.ContractProjection;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot;
import nl.bdss.reporting.contracts.domain.BudgetPeriod;
import nl.bdss.reporting.contracts.domain.ContractSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Contract versions and allocations, mapped to the few fields reporting needs. */
@Component
class ContractEventsListener {

    static final String CONTRACTS_ID = "reporting-contracts";
    static final String ALLOCATIONS_ID = "reporting-allocations";

    private final ContractProjection contracts;
    private final AllocationProjection allocations;
    private final BatchTransactions batches;

    ContractEventsListener(ContractProjection contracts, AllocationProjection allocations, BatchTransactions batches) {
        this.contracts = contracts;
        this.allocations = allocations;
        this.batches = batches;
    }

    @KafkaListener(id = CONTRACTS_ID, idIsGroup = false, topics = "#{T(nl.bdss.events.Topics).CONTRACT_VERSIONS.name()}",
            containerFactory = ConsumerConfiguration.BATCH_FACTORY)
    void onContractVersions(List<ConsumerRecord<String, ContractVersionPublished>> records) {
        batches.apply(records, record -> on(record.value()));
    }

    @KafkaListener(id = ALLOCATIONS_ID, idIsGroup = false, topics = "#{T(nl.bdss.events.Topics).ALLOCATIONS.name()}",
            containerFactory = ConsumerConfiguration.BATCH_FACTORY)
    void onAllocations(List<ConsumerRecord<String, AllocationCalculated>> records) {
        batches.apply(records, record -> on(record.value()));
    }

    void on(ContractVersionPublished event) {
        if (event == null) {
            throw new RejectedEventException("A contract version without a value (tombstone) is not a version");
        }
        ContractSnapshot snapshot;
        try {
            snapshot = toSnapshot(event);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedEventException("ContractVersionPublished " + event.getEventId() + ": " + e.getMessage());
        }
        contracts.apply(event.getEventId(), snapshot);
    }

    void on(AllocationCalculated event) {
        if (event == null) {
            throw new RejectedEventException("An allocation without a value (tombstone) is not an allocation");
        }
        AllocationSnapshot snapshot;
        try {
            snapshot = toSnapshot(event);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RejectedEventException("AllocationCalculated " + event.getEventId() + ": " + e.getMessage());
        }
        allocations.apply(event.getEventId(), event.getOccurredAt(), snapshot);
    }

    private static ContractSnapshot toSnapshot(ContractVersionPublished event) {
        ContractState state = event.getContract();
        List<String> sectors = state.getBudget().getZvwSectorShares().stream().map(share -> share.getSector()).distinct().sorted().toList();
        List<String> providers = state.getParties().stream()
                .filter(party -> party.getDomain() == LegalDomain.ZVW && party.getAgb() != null)
                .map(party -> party.getAgb()).distinct().sorted().toList();
        List<String> insurers = state.getInsurers().stream().map(insurer -> insurer.getUzovi()).distinct().sorted().toList();
        return new ContractSnapshot(event.getContractId(), event.getVersion(), state.getReference(), state.getTitle(),
                state.getStatus().name(), state.getValidFrom(), state.getValidUntil(), state.getBudget().getLumpSumCents(),
                BudgetPeriod.valueOf(state.getBudget().getPeriod().name()), insurers, sectors, providers,
                state.getParties().size(), state.getTargetGroup().getServiceAreaPostcodes(),
                state.getAttestations().getNoDoubleFunding(), state.getAttestations().getDoubleFundingMeasure());
    }

    private static AllocationSnapshot toSnapshot(AllocationCalculated event) {
        List<AllocationSnapshot.Period> periods = event.getPeriods().stream()
                .map(period -> new AllocationSnapshot.Period(period.getPeriodStart(), period.getPeriodEnd(),
                        period.getAmountCents(), period.getLines().stream()
                                .map(line -> new AllocationSnapshot.Line(line.getDomain().name(), line.getSector(),
                                        line.getAmountCents()))
                                .toList()))
                .toList();
        return new AllocationSnapshot(event.getContractId(), event.getAllocationVersion(), event.getContractVersion(),
                event.getStatus() == AllocationStatus.COMPLETE, event.getPendingReason(), periods);
    }
}
