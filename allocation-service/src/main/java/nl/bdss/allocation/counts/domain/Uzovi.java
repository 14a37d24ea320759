package nl.bdss.allocation.counts.domain;

import java.util.regex.Pattern;

/** An insurer's UZOVI code: exactly four digits (R1, R11). */
public record Uzovi(String code) implements Comparable<Uzovi> {

    private static final Pattern FORMAT = Pattern.compile("^[0-9]{4}$");

    public Uzovi {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("UZOVI must be exactly 4 digits, got '" + code + "'");
        }
    }

    public static Uzovi of(String code) {
        return new Uzovi(code == null ? null : code.trim());
    }

    public static boolean isValid(String code) {
        return code != null && FORMAT.matcher(code).matches();
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
