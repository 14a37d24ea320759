package nl.bdss.allocation.split.messaging;

import java.util.ArrayList;
import java.util.List;
import nl.bdss.allocation.split.application.Allocations;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.BatchTransactions;
import nl.bdss.messaging.ConsumerConfiguration;
import nl.bdss.messaging.RejectedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every contract version, in order per contract (the key), becomes a (re)computed allocation. */
@Component
class ContractVersionListener {

    private static final Logger log = LoggerFactory.getLogger(ContractVersionListener.class);

    private final Allocations allocations;
    private final BatchTransactions batches;

    ContractVersionListener(Allocations allocations, BatchTransactions batches) {
        this.allocations = allocations;
        this.batches = batches;
    }

    /** A poll's versions in one transaction; one by one (and the failing one to the dead letters) if that fails. */
    @KafkaListener(topics = "#{T(nl.bdss.events.Topics).CONTRACT_VERSIONS.name()}", id = "allocation-contract-versions",
            containerFactory = ConsumerConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, ContractVersionPublished>> records) {
        batches.apply(records, batch -> {
            allocations.lockDatasetsOf(termsOf(batch));
            batch.forEach(record -> on(record.value()));
        }, record -> on(record.value()));
    }

    /** The terms of the batch's versions that can be read; the others are refused when their turn comes. */
    private static List<ContractTerms> termsOf(List<ConsumerRecord<String, ContractVersionPublished>> batch) {
        List<ContractTerms> terms = new ArrayList<>();
        for (ConsumerRecord<String, ContractVersionPublished> record : batch) {
            if (record.value() != null) {
                try {
                    terms.add(ContractTermsMapper.toVersion(record.value()).terms());
                } catch (IllegalArgumentException refusedLater) {
                    // on(event) turns it into a RejectedEventException for the dead letters
                }
            }
        }
        return terms;
    }

    void on(ContractVersionPublished event) {
        if (event == null) {
            throw new RejectedEventException("A contract version without a value (tombstone) cannot be allocated");
        }
        ContractVersion version;
        try {
            version = ContractTermsMapper.toVersion(event);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException("contract " + event.getContractId() + " version " + event.getVersion()
                    + " cannot be allocated: " + e.getMessage());
        }
        Allocations.Applied applied = allocations.applyContractVersion(event.getEventId(), version);
        log.info("Contract {} version {}: {}", event.getContractId(), event.getVersion(), applied);
    }
}
