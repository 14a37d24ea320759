package nl.bdss.contract.register.domain;

/** An amount in euro cents; never floating point. */
public record Money(long cents) {

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public boolean isPositive() {
        return cents > 0;
    }
}
