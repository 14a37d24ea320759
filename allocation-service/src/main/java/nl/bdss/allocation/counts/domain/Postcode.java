package nl.bdss.allocation.counts.domain;

import java.util.Locale;

/**
 * A Dutch postcode of a service area or a count row (R6, R11), normalised to upper case without a space:
 * {@code 1011} (PC4) or {@code 1011AB} (PC6).
 */
public record Postcode(String value) implements Comparable<Postcode> {

    public Postcode {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("postcode must be PC4 (1234) or PC6 (1234AB), got '" + value + "'");
        }
    }

    /** Accepts {@code 1011 ab}, {@code 1011AB} or {@code 1011}; {@code null} when it is no Dutch postcode. */
    public static Postcode parseOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        if (wellFormed(raw)) {
            return new Postcode(raw);
        }
        String normalised = raw.replace(" ", "").toUpperCase(Locale.ROOT);
        return wellFormed(normalised) ? new Postcode(normalised) : null;
    }

    /**
     * {@code [1-9][0-9]{3}} (PC4), optionally followed by {@code [A-Z]{2}} (PC6); checked by hand: it runs for every
     * row of a national file.
     */
    private static boolean wellFormed(String value) {
        if (value == null || (value.length() != 4 && value.length() != 6)) {
            return false;
        }
        char first = value.charAt(0);
        if (first < '1' || first > '9' || !digit(value.charAt(1)) || !digit(value.charAt(2)) || !digit(value.charAt(3))) {
            return false;
        }
        return value.length() == 4 || (letter(value.charAt(4)) && letter(value.charAt(5)));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    public static Postcode of(String raw) {
        Postcode postcode = parseOrNull(raw);
        if (postcode == null) {
            throw new IllegalArgumentException("postcode must be PC4 (1234) or PC6 (1234AB), got '" + raw + "'");
        }
        return postcode;
    }

    public PostcodeLevel level() {
        return value.length() == 4 ? PostcodeLevel.PC4 : PostcodeLevel.PC6;
    }

    /** The PC4 area this postcode lies in. */
    public String pc4() {
        return value.substring(0, 4);
    }

    /** Whether a count row for {@code row} lies inside this service-area postcode. */
    public boolean contains(Postcode row) {
        return level() == PostcodeLevel.PC4 ? row.pc4().equals(value) : row.value.equals(value);
    }

    @Override
    public int compareTo(Postcode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
