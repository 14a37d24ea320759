package nl.bdss.kernel.money;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The VAT (btw) treatment of what a Zvw provider is paid (R10: it follows from the execution model and is stated per
 * provider in the contract): {@link Treatment#EXEMPT}, or the agreed amounts {@link Treatment#INCLUDED including} VAT
 * at a rate in basis points (2100 = 21%). The amounts the contract agrees are always what is paid; VAT only says
 * which part of them is VAT.
 * <p>
 * The VAT part of a VAT-inclusive amount is {@code amount x rate / (10000 + rate)}, rounded once to the cent, half
 * away from zero; it is 0 when exempt. A correction's VAT part is the VAT part of the corrected total less the VAT
 * parts already booked ({@link #correctionPart}), so the VAT parts of a payment and its corrections always add up to
 * exactly the VAT part of their net amount.
 */
public record Vat(Treatment treatment, Integer rateBasisPoints) {

    public enum Treatment { EXEMPT, INCLUDED }

    /** The highest rate accepted: 100%. */
    public static final int MAX_RATE_BASIS_POINTS = 10_000;

    public static final Vat EXEMPT = new Vat(Treatment.EXEMPT, null);

    public Vat {
        Objects.requireNonNull(treatment, "a VAT treatment is EXEMPT or INCLUDED");
        if (treatment == Treatment.EXEMPT && rateBasisPoints != null) {
            throw new IllegalArgumentException("an exempt amount has no VAT rate, was given " + rateBasisPoints);
        }
        if (treatment == Treatment.INCLUDED && (rateBasisPoints == null || !isValidRate(rateBasisPoints))) {
            throw new IllegalArgumentException("VAT included needs a rate of 1 to " + MAX_RATE_BASIS_POINTS
                    + " basis points, was " + rateBasisPoints);
        }
    }

    /** VAT included at {@code rateBasisPoints} (2100 = 21%). */
    public static Vat included(int rateBasisPoints) {
        return new Vat(Treatment.INCLUDED, rateBasisPoints);
    }

    public static boolean isValidRate(long rateBasisPoints) {
        return rateBasisPoints >= 1 && rateBasisPoints <= MAX_RATE_BASIS_POINTS;
    }

    /** The VAT part of {@code amountCents} (VAT-inclusive; negative for a credit): 0 when exempt. */
    public long partOf(long amountCents) {
        if (treatment == Treatment.EXEMPT || amountCents == 0) {
            return 0;
        }
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(amountCents).multiply(BigInteger.valueOf(rateBasisPoints)))
                .divide(BigDecimal.valueOf(BasisPoints.WHOLE + (long) rateBasisPoints), 0, RoundingMode.HALF_UP);
        return exact.longValueExact();
    }

    /**
     * The VAT part of a correction that brings a target's net amount to {@code correctedTotalCents} when VAT parts of
     * {@code bookedVatCents} are already booked for it.
     */
    public long correctionPart(long correctedTotalCents, long bookedVatCents) {
        return Math.subtractExact(partOf(correctedTotalCents), bookedVatCents);
    }

    /** The amount without its VAT part. */
    public long netOf(long amountCents) {
        return Math.subtractExact(amountCents, partOf(amountCents));
    }
}
