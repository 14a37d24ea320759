package nl.bdss.settlement.payments.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.payments.application.Acknowledgements;
import nl.bdss.settlement.payments.domain.PaymentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Acknowledgements in {@code payment_acknowledgement}; the entry's row lock serialises two at once. */
@Repository
class JdbcAcknowledgements implements Acknowledgements {

    private final JdbcClient jdbc;

    JdbcAcknowledgements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean lock(UUID entryId, Optional<String> onlyUzovi) {
        return jdbc.sql("select id from settlement_entry where id = ? and (cast(? as varchar) is null or uzovi = ?) for update")
                .params(entryId, onlyUzovi.orElse(null), onlyUzovi.orElse(null)).query(UUID.class).optional()
                .isPresent();
    }

    @Override
    public void record(UUID entryId, PaymentStatus status, String paymentReference, LocalDate paidOn,
            Instant recordedAt) {
        jdbc.sql("""
                insert into payment_acknowledgement (entry_id, status, payment_reference, paid_on, recorded_at)
                values (?, ?, ?, ?, ?)""")
                .params(entryId, status.name(), paymentReference, paidOn, Timestamp.from(recordedAt))
                .update();
    }
}
