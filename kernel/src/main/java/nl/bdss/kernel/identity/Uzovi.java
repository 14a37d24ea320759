package nl.bdss.kernel.identity;

/** An insurer's UZOVI code: exactly four digits (R1, R11). */
public record Uzovi(String code) implements Comparable<Uzovi> {

    public Uzovi {
        if (!isValid(code)) {
            throw new IllegalArgumentException("a UZOVI code must be exactly 4 digits, was '" + code + "'");
        }
    }

    /** Parses a code, ignoring surrounding white space. */
    public static Uzovi of(String code) {
        return new Uzovi(code == null ? null : code.strip());
    }

    public static boolean isValid(String code) {
        return Digits.allDigits(code, 4);
    }

    @Override
    public int compareTo(Uzovi other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
