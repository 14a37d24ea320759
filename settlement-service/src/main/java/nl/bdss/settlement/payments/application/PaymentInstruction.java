package nl.bdss.settlement.payments.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.settlement.application.Refusal;

/**
 * A settlement entry as the insurer's back office sees it: a lump sum or a correction, with its direction and cash
 * status. A correction names the entry it corrects ({@code correctsEntryId}). {@code direction} PAYABLE (positive:
 * the insurer pays) or CREDIT (negative: to be offset against a later payment or refunded by the payee);
 * {@code status} OPEN, PAID (payable entries), OFFSET or REFUNDED (credits). {@code dueDate}: the first day the
 * period may be paid, by the payment timing the entry was booked under (R8); nothing is paid before it. No insured
 * person, no deductible: these amounts are outside the per-insured claims flow (R8, R16). {@code serviceYear}: the
 * year its period belongs to; {@code bookingYear}: the year it is booked in (the service year while that was open,
 * else the first open year after it: a correction or late lump sum for a closed year). {@code instalmentStart},
 * {@code instalmentEnd}: the instalment of the period it pays under a payment schedule (null for the whole period;
 * the due date is the instalment's). {@code vatTreatment}, {@code vatRateBasisPoints} and {@code vatCents}: the VAT
 * part of the amount by the payee's VAT treatment in the contract (R10; null when the contract states none).
 */
public record PaymentInstruction(UUID id, String entryId, String kind, String correctsEntryId, String contractId,
        LocalDate periodStart, LocalDate periodEnd, String insurer, String payeeAgb, String payeePartyKey,
        String sector, long amountCents, String direction, int allocationVersion, long sequence, String cause,
        String bookedBy, Instant bookedAt, String status, String paymentReference, LocalDate paidOn,
        LocalDate dueDate, int serviceYear, int bookingYear, LocalDate instalmentStart, LocalDate instalmentEnd,
        String vatTreatment, Integer vatRateBasisPoints, Long vatCents) {

    public static final String OPEN = "OPEN";
    public static final String PAID = "PAID";

    boolean acknowledged() {
        return !OPEN.equals(status);
    }

    /** The refusal for an id that does not exist or is another insurer's: the two answer alike. */
    public static Refusal notFound(UUID id) {
        return Refusal.notFound("payment-instruction-not-found", "Payment instruction not found",
                "No payment instruction " + id);
    }
}
