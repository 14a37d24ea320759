package nl.bdss.contract.register.domain;

/** A share in basis points: 10000 = 100%. */
public record BasisPoints(int value) {

    public static final int WHOLE = 10_000;

    public BasisPoints {
        if (value < 0 || value > WHOLE) {
            throw new IllegalArgumentException("A share must lie between 0 and 10000 basis points, was " + value);
        }
    }
}
