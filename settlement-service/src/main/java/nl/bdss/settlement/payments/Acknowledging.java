package nl.bdss.settlement.payments;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.settlement.ledger.domain.DoubleEntry;
import nl.bdss.settlement.settling.persistence.SettlementRepository;
import nl.bdss.settlement.web.ConflictException;
import nl.bdss.settlement.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that an insurer paid an instruction (status PAID, its payment reference and date) and posts the payment
 * to the ledger. Idempotent: the same acknowledgement again changes nothing; a different one is refused (409),
 * since a recorded payment is never edited.
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
    PaymentInstruction markPaid(UUID id, String paymentReference, LocalDate paidOn) {
        if (paymentReference == null || paymentReference.isBlank() || paymentReference.length() > 100) {
            throw new IllegalArgumentException("paymentReference is required (at most 100 characters)");
        }
        if (paidOn == null) {
            throw new IllegalArgumentException("paidOn is required");
        }
        jdbc.sql("select id from settlement_entry where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("No payment instruction " + id));
        PaymentInstruction instruction = queries.byId(id).orElseThrow();
        if (PaymentInstruction.PAID.equals(instruction.status())) {
            if (instruction.paymentReference().equals(paymentReference) && instruction.paidOn().equals(paidOn)) {
                return instruction;
            }
            throw new ConflictException("Payment instruction " + id + " was already acknowledged as paid with reference "
                    + instruction.paymentReference() + " on " + instruction.paidOn());
        }
        var now = clock.instant();
        jdbc.sql("insert into payment_acknowledgement (entry_id, payment_reference, paid_on, recorded_at) values (?, ?, ?, ?)")
                .params(id, paymentReference, paidOn, Timestamp.from(now))
                .update();
        ledger.insertPostings(instruction.entryId() + "|PAID",
                DoubleEntry.payment(instruction.insurer(), instruction.payeeAgb(), instruction.amountCents()), now);
        return queries.byId(id).orElseThrow();
    }
}
