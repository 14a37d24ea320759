package nl.bdss.allocation.counts.domain;


/** An insurer's UZOVI code: exactly four digits (R1, R11). */
public record Uzovi(String code) implements Comparable<Uzovi> {

    public Uzovi {
        if (!isValid(code)) {
            throw new IllegalArgumentException("UZOVI must be exactly 4 digits, got '" + code + "'");
        }
    }

    public static Uzovi of(String code) {
        return new Uzovi(code == null ? null : code.trim());
    }

    /** Exactly four ASCII digits (checked by hand: it runs for every row of a national file). */
    public static boolean isValid(String code) {
        return code != null && code.length() == 4 && digit(code.charAt(0)) && digit(code.charAt(1))
                && digit(code.charAt(2)) && digit(code.charAt(3));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
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
