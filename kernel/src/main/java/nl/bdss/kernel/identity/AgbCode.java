package nl.bdss.kernel.identity;

/** A care provider's AGB code: exactly eight digits (R1). */
public record AgbCode(String code) implements Comparable<AgbCode> {

    public AgbCode {
        if (!isValid(code)) {
            throw new IllegalArgumentException("an AGB code must be exactly 8 digits, was '" + code + "'");
        }
    }

    /** Parses a code, ignoring surrounding white space. */
    public static AgbCode of(String code) {
        return new AgbCode(code == null ? null : code.strip());
    }

    public static boolean isValid(String code) {
        return Digits.allDigits(code, 8);
    }

    @Override
    public int compareTo(AgbCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
