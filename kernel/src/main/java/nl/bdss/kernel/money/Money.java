package nl.bdss.kernel.money;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * An amount in euro cents, never floating point. Arithmetic is exact and overflow-safe: a result that does not fit
 * in a {@code long} throws instead of wrapping around.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Whole euros, e.g. {@code ofEuros(100_000)} is EUR 100,000.00. */
    public static Money ofEuros(long euros) {
        return new Money(Math.multiplyExact(euros, 100L));
    }

    public static Money sum(Collection<Money> amounts) {
        long total = 0;
        for (Money amount : amounts) {
            total = Math.addExact(total, amount.cents);
        }
        return new Money(total);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(cents, factor));
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    /** The amount in euros, exactly: a decimal with scale 2 ({@code 1234.50}), as payment files state amounts. */
    public BigDecimal toEuros() {
        return BigDecimal.valueOf(cents, 2);
    }

    /**
     * An amount in euros as a payment file states it, exactly: at most two decimals (trailing zeros aside).
     *
     * @throws ArithmeticException for a fraction of a cent or an amount beyond the range of cents
     */
    public static Money ofEuros(BigDecimal euros) {
        return new Money(euros.movePointRight(2).longValueExact());
    }

    /** The amount in euros with two decimals and no grouping, e.g. {@code 1234.50} or {@code -0.05}. */
    public String toPlainEuros() {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    @Override
    public String toString() {
        return "EUR " + toPlainEuros();
    }
}
