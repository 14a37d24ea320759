package nl.bdss.settlement.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement entry as the insurer's back office sees it: a lump sum or a correction, with its payment status.
 * No insured person, no deductible: these amounts are outside the per-insured claims flow (R8, R16).
 */
public record PaymentInstruction(UUID id, String entryId, String kind, String correctsEntryId, String contractId,
        LocalDate periodStart, LocalDate periodEnd, String insurer, String payeeAgb, String payeePartyKey,
        String sector, long amountCents, int allocationVersion, long sequence, String cause, String bookedBy,
        Instant bookedAt, String status, String paymentReference, LocalDate paidOn) {

    public static final String OPEN = "OPEN";
    public static final String PAID = "PAID";
}
