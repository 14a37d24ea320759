package nl.bdss.allocation.split.messaging;

import nl.bdss.allocation.split.application.Allocations;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.RejectedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every contract version, in order per contract (the key), becomes a (re)computed allocation. */
@Component
class ContractVersionListener {

    private static final Logger log = LoggerFactory.getLogger(ContractVersionListener.class);

    private final Allocations allocations;

    ContractVersionListener(Allocations allocations) {
        this.allocations = allocations;
    }

    @KafkaListener(topics = "#{T(nl.bdss.events.Topics).CONTRACT_VERSIONS.name()}", id = "allocation-contract-versions")
    void on(ContractVersionPublished event) {
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
