package nl.bdss.reporting.contracts.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.messaging.inbox.ProcessedEvents;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot;
import nl.bdss.reporting.mbi.application.CommittedLoads;
import nl.bdss.reporting.sectorload.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each contract's latest allocation and the amounts its latest complete allocation commits per year,
 * domain and Zvw sector (R7, R17), with the Zvw part per year that no insurer pays (R11, market shares over all
 * insurers). A newer complete allocation replaces the contract's figures; an older or repeated one changes nothing;
 * a pending one is shown as pending and leaves the figures as they were. These rows are the only source of a year's
 * budgets: the committed sector load and the NZa monitor (R20) both read them.
 */
@Service
public class AllocationProjection {

    static final String CONSUMER = "reporting-service.allocations";

    private final JdbcClient jdbc;
    private final ProcessedEvents processedEvents;
    private final CommittedLoads committedLoads;

    AllocationProjection(JdbcClient jdbc, ProcessedEvents processedEvents, CommittedLoads committedLoads) {
        this.jdbc = jdbc;
        this.processedEvents = processedEvents;
        this.committedLoads = committedLoads;
    }

    private record Removed(SectorYear sectorYear, long amountCents) {
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
        String cause = "allocation " + allocation.contractId() + " v" + allocation.allocationVersion();
        // the contract's previous Zvw amounts leave the committed loads, the new ones enter them
        jdbc.sql("delete from committed_amount where contract_id = ? returning sector, load_year, amount_cents, domain")
                .param(allocation.contractId())
                .query((rs, n) -> "ZVW".equals(rs.getString(4))
                        ? new Removed(new SectorYear(rs.getString(1), rs.getInt(2)), rs.getLong(3)) : null)
                .list().stream()
                .filter(java.util.Objects::nonNull)
                .forEach(removed -> committedLoads.change(removed.sectorYear(), -removed.amountCents(), cause));
        allocation.committedByYear().forEach((key, amount) -> jdbc.sql("""
                        insert into committed_amount (contract_id, load_year, domain, sector, amount_cents)
                        values (?, ?, ?, ?, ?)""")
                .params(allocation.contractId(), key.year(), key.domain(), key.sector(), amount)
                .update());
        allocation.zvwByYear().forEach((key, amount) ->
                committedLoads.change(new SectorYear(key.sector(), key.year()), amount, cause));
        // the Zvw part no insurer pays (R11) is kept beside the committed amounts and loads no sector
        jdbc.sql("delete from unfunded_amount where contract_id = ?").param(allocation.contractId()).update();
        allocation.unfundedByYear().forEach((year, amount) -> jdbc.sql("""
                        insert into unfunded_amount (contract_id, budget_year, amount_cents) values (?, ?, ?)""")
                .params(allocation.contractId(), year, amount)
                .update());
        return true;
    }
}
