package nl.bdss.reporting.contracts.application;

import java.time.Clock;
import java.util.UUID;
import nl.bdss.reporting.contracts.domain.ContractSnapshot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the current version of every contract (R20), with whether it states a double-funding measure (R4, R22); an
 * older or repeated version changes nothing. A contract's budget per year comes from its allocation, not from here.
 */
@Service
public class ContractProjection {

    static final String CONSUMER = "reporting-service.contracts";

    private final ContractViews views;
    private final Inbox inbox;
    private final Clock clock;

    ContractProjection(ContractViews views, Inbox inbox, Clock clock) {
        this.views = views;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Returns whether the version was taken over. */
    @Transactional
    public boolean apply(UUID eventId, ContractSnapshot contract) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        return views.upsert(contract, clock.instant());
    }
}
