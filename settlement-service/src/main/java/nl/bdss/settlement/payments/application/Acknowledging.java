package nl.bdss.settlement.payments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.ledger.application.LedgerPostings;
import nl.bdss.settlement.ledger.domain.DoubleEntry;
import nl.bdss.settlement.payments.domain.Direction;
import nl.bdss.settlement.payments.domain.PaymentStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how an entry was settled in cash, with the reference and date, and posts the cash movement to the ledger:
 * a payable entry is PAID by the insurer (payable to bank); a credit (negative correction) is never paid but OFFSET
 * against a later payment or REFUNDED by the payee (bank to payable), see {@link Direction}. A status that does not
 * fit the entry's sign breaks rule DIRECTION; a day before the period is due breaks R8. Idempotent: the same
 * acknowledgement again changes nothing; a different one is refused as a conflict, since a recorded acknowledgement
 * is never edited. An entry in an active payment run is refused as a conflict naming the run: it is paid through the
 * run, never twice. An insurer acknowledges only its own entries ({@code onlyUzovi}); another insurer's entry is not
 * found.
 */
@Service
public class Acknowledging {

    private final Acknowledgements acknowledgements;
    private final PaymentInstructions instructions;
    private final LedgerPostings ledger;
    private final ActiveRuns activeRuns;
    private final Clock clock;

    public Acknowledging(Acknowledgements acknowledgements, PaymentInstructions instructions, LedgerPostings ledger,
            ActiveRuns activeRuns, Clock clock) {
        this.acknowledgements = acknowledgements;
        this.activeRuns = activeRuns;
        this.instructions = instructions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The reference and day are checked at the edge: present, the reference at most 100 characters. */
    @Transactional
    public PaymentInstruction acknowledge(UUID id, Optional<String> onlyUzovi, PaymentStatus requested,
            String paymentReference, LocalDate paidOn) {
        return record(id, onlyUzovi, requested, paymentReference, paidOn, null);
    }

    /**
     * An instruction of payment run {@code runId} settled by the bank's acceptance of its transfer: a payable entry
     * PAID, a credit netted into the transfer OFFSET, with the bank's reference, on the run's execution date. Only
     * that run may do so; recording it again is a no-op, as for a manual acknowledgement.
     */
    @Transactional
    public PaymentInstruction settleThroughRun(UUID id, UUID runId, String paymentReference, LocalDate paidOn) {
        Objects.requireNonNull(runId, "runId");
        return record(id, Optional.empty(), null, paymentReference, paidOn, runId);
    }

    private PaymentInstruction record(UUID id, Optional<String> onlyUzovi, PaymentStatus requested,
            String paymentReference, LocalDate paidOn, UUID throughRun) {
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(paidOn, "paidOn");
        // Another insurer's entry is not found, exactly like an id that does not exist.
        if (!acknowledgements.lock(id, onlyUzovi)) {
            throw PaymentInstruction.notFound(id);
        }
        PaymentInstruction instruction = instructions.byId(id, viewer(onlyUzovi))
                .orElseThrow(() -> PaymentInstruction.notFound(id));
        // read after the entry's lock: a run being made that holds the entry has committed its claim by now
        activeRuns.holding(id).filter(run -> !run.equals(throughRun)).ifPresent(run -> {
            throw Refusal.conflict("in-payment-run", "In a payment run", "Payment instruction " + id
                    + " is in payment run " + run + ": it is paid through that run (or the run is cancelled first),"
                    + " never acknowledged by hand as well");
        });
        Direction direction = Direction.valueOf(instruction.direction());
        PaymentStatus asked = throughRun == null ? requested
                : direction == Direction.PAYABLE ? PaymentStatus.PAID : PaymentStatus.OFFSET;
        PaymentStatus status = direction.acknowledgedAs(asked).orElseThrow(() -> Refusal.ruleViolated("status",
                "DIRECTION", "status: a " + direction + " entry is acknowledged as " + direction.acknowledgedBy()
                        + ", was " + asked));
        if (instruction.acknowledged()) {
            if (instruction.status().equals(status.name()) && instruction.paymentReference().equals(paymentReference)
                    && instruction.paidOn().equals(paidOn)) {
                return instruction;
            }
            throw Refusal.conflict("already-acknowledged", "Already acknowledged", "Payment instruction " + id
                    + " was already acknowledged as " + instruction.status() + " with reference "
                    + instruction.paymentReference() + " on " + instruction.paidOn());
        }
        if (paidOn.isBefore(instruction.dueDate())) {
            throw Refusal.ruleViolated("paidOn", "R8", "paidOn " + paidOn + " lies before " + instruction.dueDate()
                    + ", the day period " + instruction.periodStart() + ".." + instruction.periodEnd()
                    + " is due: nothing is paid before it is due (R8)");
        }
        Instant now = clock.instant();
        acknowledgements.record(id, status, paymentReference, paidOn, now);
        ledger.post(Map.of(instruction.entryId() + "|" + status.name(),
                DoubleEntry.payment(instruction.insurer(), instruction.payeeAgb(), instruction.amountCents(),
                        instruction.vatCents() == null ? 0 : instruction.vatCents())), now);
        return instructions.byId(id, viewer(onlyUzovi)).orElseThrow(() -> PaymentInstruction.notFound(id));
    }

    private static Viewer viewer(Optional<String> onlyUzovi) {
        return onlyUzovi.map(Viewer::insurer).orElse(Viewer.EVERYTHING);
    }
}
