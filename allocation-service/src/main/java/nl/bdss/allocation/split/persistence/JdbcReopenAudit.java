package nl.bdss.allocation.split.persistence;

import java.time.ZoneOffset;
import nl.bdss.allocation.split.application.ReopenAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reopens in the append-only table allocation_reopen. */
@Repository
class JdbcReopenAudit implements ReopenAudit {

    private final JdbcClient jdbc;

    JdbcReopenAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Entry entry) {
        jdbc.sql("insert into allocation_reopen (contract_id, client_id, reason, years, allocation_version, "
                        + "correction_count, occurred_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(entry.contractId(), entry.clientId(), entry.reason(),
                        entry.years().toArray(Integer[]::new), entry.allocationVersion(), entry.correctionCount(),
                        entry.at().atOffset(ZoneOffset.UTC))
                .update();
    }
}
