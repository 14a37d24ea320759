package nl.bdss.reporting.operations.persistence;

import nl.bdss.reporting.operations.application.ReadModels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables derived from the consumed topics, and the inbox of the events applied to them. */
@Repository
class JdbcReadModels implements ReadModels {

    private final JdbcClient jdbc;

    JdbcReadModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void wipe() {
        jdbc.sql("""
                truncate settlement_entry, sector_load, contract_view, contract_allocation, committed_amount,
                    unfunded_amount, committed_load, mbi_watch, mbi_alert, closed_service_year, processed_event""").update();
    }
}
