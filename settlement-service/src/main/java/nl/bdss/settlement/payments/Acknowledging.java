package nl.bdss.settlement.payments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.ledger.domain.DoubleEntry;
import nl.bdss.settlement.payments.domain.Direction;
import nl.bdss.settlement.payments.domain.PaymentStatus;
import nl.bdss.settlement.settling.persistence.SettlementRepository;
import nl.bdss.settlement.web.ConflictException;
import nl.bdss.settlement.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how an entry was settled in cash, with the reference and date, and posts the cash movement to the ledger:
 * a payable entry is PAID by the insurer (payable to bank); a credit (negative correction) is never paid but OFFSET
 * against a later payment or REFUNDED by the payee (bank to payable), see {@link Direction}. A status that does not
 * fit the entry's sign is refused (400). Idempotent: the same acknowledgement again changes nothing; a different
 * one is refused (409), since a recorded acknowledgement is never edited. An insurer acknowledges only its own
 * entries ({@code onlyUzovi}); another insurer's entry answers 404.
 */
@Service
class Acknowledging {

    private final JdbcClient jdbc;
    private final PaymentInstructionQueries queries;
    private final SettlementRepository ledger;
    private final Clock clock;

    Acknowledging(JdbcClient jdbc, PaymentInstructionQueries queries, SettlementRepository ledger, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    PaymentInstruction acknowledge(UUID id, Optional<String> onlyUzovi, PaymentStatus requested,
            String paymentReference, LocalDate paidOn) {
        if (paymentReference == null || paymentReference.isBlank() || paymentReference.length() > 100) {
            throw new IllegalArgumentException("paymentReference is required (at most 100 characters)");
        }
        if (paidOn == null) {
            throw new IllegalArgumentException("paidOn is required");
        }
        // Another insurer's entry is not found, exactly like an id that does not exist.
        jdbc.sql("select id from settlement_entry where id = ? and (cast(? as varchar) is null or uzovi = ?) for update")
                .params(id, onlyUzovi.orElse(null), onlyUzovi.orElse(null)).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("No payment instruction " + id));
        PaymentInstruction instruction = queries.byId(id, onlyUzovi).orElseThrow();
        PaymentStatus status = Direction.valueOf(instruction.direction()).acknowledgedAs(requested);
        if (instruction.acknowledged()) {
            if (instruction.status().equals(status.name()) && instruction.paymentReference().equals(paymentReference)
                    && instruction.paidOn().equals(paidOn)) {
                return instruction;
            }
            throw new ConflictException("Payment instruction " + id + " was already acknowledged as "
                    + instruction.status() + " with reference " + instruction.paymentReference() + " on "
                    + instruction.paidOn());
        }
        var now = clock.instant();
        jdbc.sql("""
                insert into payment_acknowledgement (entry_id, status, payment_reference, paid_on, recorded_at)
                values (?, ?, ?, ?, ?)""")
                .params(id, status.name(), paymentReference, paidOn, Timestamp.from(now))
                .update();
        ledger.insertPostings(instruction.entryId() + "|" + status.name(),
                DoubleEntry.payment(instruction.insurer(), instruction.payeeAgb(), instruction.amountCents()), now);
        return queries.byId(id, onlyUzovi).orElseThrow();
    }
}
