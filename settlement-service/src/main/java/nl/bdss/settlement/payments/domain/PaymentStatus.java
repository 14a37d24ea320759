package nl.bdss.settlement.payments.domain;

/**
 * The cash status of a settlement entry. OPEN until acknowledged: for a payable entry "to be paid", for a credit
 * "to be offset or refunded". See {@link Direction} for which acknowledgement fits which entry.
 */
public enum PaymentStatus {
    OPEN, PAID, OFFSET, REFUNDED
}
