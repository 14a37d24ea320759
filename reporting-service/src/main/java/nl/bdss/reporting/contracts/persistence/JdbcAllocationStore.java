package nl.bdss.reporting.contracts.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import nl.bdss.reporting.contracts.application.AllocationStore;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot.CommittedKey;
import nl.bdss.reporting.mbi.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The allocations in {@code contract_allocation}, {@code committed_amount} and {@code unfunded_amount}. */
@Repository
class JdbcAllocationStore implements AllocationStore {

    private final JdbcClient jdbc;

    JdbcAllocationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Integer> lockVersion(String contractId) {
        return jdbc.sql("select allocation_version from contract_allocation where contract_id = ? for update")
                .param(contractId).query(Integer.class).optional();
    }

    @Override
    public void upsert(AllocationSnapshot allocation, Instant occurredAt) {
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
    }

    @Override
    public List<RemovedZvw> removeCommitted(String contractId) {
        return jdbc.sql("delete from committed_amount where contract_id = ? returning sector, load_year, amount_cents, domain")
                .param(contractId)
                .query((rs, n) -> "ZVW".equals(rs.getString(4))
                        ? new RemovedZvw(new SectorYear(rs.getString(1), rs.getInt(2)), rs.getLong(3)) : null)
                .list().stream()
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    public void addCommitted(String contractId, CommittedKey key, long amountCents) {
        jdbc.sql("""
                        insert into committed_amount (contract_id, load_year, domain, sector, amount_cents)
                        values (?, ?, ?, ?, ?)""")
                .params(contractId, key.year(), key.domain(), key.sector(), amountCents)
                .update();
    }

    @Override
    public void replaceUnfunded(String contractId, SortedMap<Integer, Long> unfundedByYear) {
        jdbc.sql("delete from unfunded_amount where contract_id = ?").param(contractId).update();
        unfundedByYear.forEach((year, amount) -> jdbc.sql("""
                        insert into unfunded_amount (contract_id, budget_year, amount_cents) values (?, ?, ?)""")
                .params(contractId, year, amount)
                .update());
    }
}
