package nl.bdss.reporting.contracts.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot;
import nl.bdss.reporting.mbi.application.MbiWatch;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.sectorload.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each contract's latest allocation and the amounts its latest complete allocation commits per year,
 * domain and Zvw sector (R7, R17). A newer complete allocation replaces the contract's committed figures; an
 * older or repeated one changes nothing; a pending one is shown as pending and leaves the figures as they were.
 */
@Service
public class AllocationProjection {

    static final String CONSUMER = "reporting-service.allocations";

    private final JdbcClient jdbc;
    private final ProcessedEvents processedEvents;
    private final MbiWatch mbiWatch;

    AllocationProjection(JdbcClient jdbc, ProcessedEvents processedEvents, MbiWatch mbiWatch) {
        this.jdbc = jdbc;
        this.processedEvents = processedEvents;
        this.mbiWatch = mbiWatch;
    }

    @Transactional
    public boolean apply(UUID eventId, Instant occurredAt, AllocationSnapshot allocation) {
        if (!processedEvents.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        Optional<Integer> known = jdbc.sql("select allocation_version from contract_allocation where contract_id = ? for update")
                .param(allocation.contractId()).query(Integer.class).optional();
        if (known.isPresent() && known.get() >= allocation.allocationVersion()) {
            return false;
        }
        jdbc.sql("""
                        insert into contract_allocation (contract_id, allocation_version, contract_version, status,
                            pending_reason, complete_version, occurred_at)
                        values (:id, :version, :contractVersion, :status, :reason, :complete, :occurredAt)
                        on conflict (contract_id) do update set allocation_version = excluded.allocation_version,
                            contract_version = excluded.contract_version, status = excluded.status,
                            pending_reason = excluded.pending_reason,
                            complete_version = coalesce(excluded.complete_version, contract_allocation.complete_version),
                            occurred_at = excluded.occurred_at""")
                .param("id", allocation.contractId())
                .param("version", allocation.allocationVersion())
                .param("contractVersion", allocation.contractVersion())
                .param("status", allocation.complete() ? "COMPLETE" : "PENDING")
                .param("reason", allocation.pendingReason())
                .param("complete", allocation.complete() ? allocation.allocationVersion() : null)
                .param("occurredAt", Timestamp.from(occurredAt))
                .update();
        if (!allocation.complete()) {
            return true;
        }
        Set<SectorYear> touched = new LinkedHashSet<>(jdbc.sql(
                        "select sector, load_year from committed_amount where contract_id = ? and domain = 'ZVW'")
                .param(allocation.contractId())
                .query((rs, n) -> new SectorYear(rs.getString(1), rs.getInt(2))).list());
        jdbc.sql("delete from committed_amount where contract_id = ?").param(allocation.contractId()).update();
        allocation.committedByYear().forEach((key, amount) -> jdbc.sql("""
                        insert into committed_amount (contract_id, load_year, domain, sector, amount_cents)
                        values (?, ?, ?, ?, ?)""")
                .params(allocation.contractId(), key.year(), key.domain(), key.sector(), amount)
                .update());
        allocation.zvwByYear().keySet().forEach(key -> touched.add(new SectorYear(key.sector(), key.year())));
        String cause = "allocation " + allocation.contractId() + " v" + allocation.allocationVersion();
        touched.forEach(sectorYear -> mbiWatch.evaluate(sectorYear, LoadBasis.COMMITTED, cause));
        return true;
    }
}
