package nl.bdss.settlement.payments.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Which way the money of a settlement entry flows, from its sign.
 * <ul>
 *   <li>{@link #PAYABLE}: a lump sum or a positive correction; the insurer pays it to the payee, acknowledged
 *       as {@link PaymentStatus#PAID}.</li>
 *   <li>{@link #CREDIT}: a negative correction (a lowered allocation, the pro-rata credit of a termination); the
 *       payee owes it back. It is never "paid": it is {@link PaymentStatus#OFFSET} against a later payment to the
 *       same payee, or {@link PaymentStatus#REFUNDED} by the payee.</li>
 * </ul>
 */
public enum Direction {
    PAYABLE(Set.of(PaymentStatus.PAID)),
    CREDIT(Set.of(PaymentStatus.OFFSET, PaymentStatus.REFUNDED));

    private final Set<PaymentStatus> settledBy;

    Direction(Set<PaymentStatus> settledBy) {
        this.settledBy = settledBy;
    }

    public static Direction of(long amountCents) {
        if (amountCents == 0) {
            throw new IllegalArgumentException("an entry of zero moves no money");
        }
        return amountCents > 0 ? PAYABLE : CREDIT;
    }

    /**
     * The status an acknowledgement records for an entry of this direction: the requested one if it fits, PAID
     * for a payable entry when none is requested; empty when the request does not fit (a credit needs OFFSET or
     * REFUNDED stated explicitly).
     */
    public Optional<PaymentStatus> acknowledgedAs(PaymentStatus requested) {
        if (requested == null) {
            return this == PAYABLE ? Optional.of(PaymentStatus.PAID) : Optional.empty();
        }
        return settledBy.contains(requested) ? Optional.of(requested) : Optional.empty();
    }

    /** What an acknowledgement of an entry of this direction records, in words. */
    public String acknowledgedBy() {
        return this == PAYABLE ? "PAID" : "OFFSET or REFUNDED (a credit is owed back by the payee, never paid)";
    }
}
