package nl.bdss.settlement.paymentruns.persistence;

import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.payments.application.ActiveRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The active run holding an entry, from its claim (a cancelled run's claims are gone). */
@Repository
class JdbcActiveRuns implements ActiveRuns {

    private final JdbcClient jdbc;

    JdbcActiveRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> holding(UUID entryId) {
        return jdbc.sql("select run_id from payment_run_claim where entry_id = ?").param(entryId).query(UUID.class)
                .optional();
    }
}
