package nl.bdss.reporting.contracts.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.reporting.contracts.domain.ContractSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the current version of every contract (R20), with whether it states a double-funding measure (R4, R22); an
 * older or repeated version changes nothing. A contract's budget per year comes from its allocation, not from here.
 */
@Service
public class ContractProjection {

    static final String CONSUMER = "reporting-service.contracts";

    private final JdbcClient jdbc;
    private final ProcessedEvents processedEvents;
    private final Clock clock;

    ContractProjection(JdbcClient jdbc, ProcessedEvents processedEvents, Clock clock) {
        this.jdbc = jdbc;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    /** Returns whether the version was taken over. */
    @Transactional
    public boolean apply(UUID eventId, ContractSnapshot contract) {
        if (!processedEvents.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        int changed = jdbc.sql("""
                        insert into contract_view (contract_id, version, reference, title, status, valid_from, valid_until,
                            lump_sum_cents, budget_period, insurers, zvw_sectors, provider_agbs, party_count, service_area,
                            double_funding_measure_stated, updated_at)
                        values (:id, :version, :reference, :title, :status, :validFrom, :validUntil, :lumpSum, :period,
                            :insurers, :sectors, :providers, :partyCount, :serviceArea, :doubleFundingMeasure, :now)
                        on conflict (contract_id) do update set version = excluded.version, reference = excluded.reference,
                            title = excluded.title, status = excluded.status, valid_from = excluded.valid_from,
                            valid_until = excluded.valid_until, lump_sum_cents = excluded.lump_sum_cents,
                            budget_period = excluded.budget_period, insurers = excluded.insurers,
                            zvw_sectors = excluded.zvw_sectors, provider_agbs = excluded.provider_agbs,
                            party_count = excluded.party_count, service_area = excluded.service_area,
                            double_funding_measure_stated = excluded.double_funding_measure_stated,
                            updated_at = excluded.updated_at
                            where contract_view.version < excluded.version""")
                .param("id", contract.contractId())
                .param("version", contract.version())
                .param("reference", contract.reference())
                .param("title", contract.title())
                .param("status", contract.status())
                .param("validFrom", contract.validFrom())
                .param("validUntil", contract.validUntil())
                .param("lumpSum", contract.lumpSumCents())
                .param("period", contract.period().name())
                .param("insurers", contract.insurers().toArray(String[]::new))
                .param("sectors", contract.zvwSectors().toArray(String[]::new))
                .param("providers", contract.providerAgbs().toArray(String[]::new))
                .param("partyCount", contract.partyCount())
                .param("serviceArea", contract.serviceAreaPostcodes().toArray(String[]::new))
                .param("doubleFundingMeasure", contract.statesDoubleFundingMeasure())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return changed > 0;
    }
}
