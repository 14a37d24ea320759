package nl.bdss.allocation.counts.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Dutch postcode of a service area or a count row (R6, R11), normalised to upper case without a space:
 * {@code 1011} (PC4) or {@code 1011AB} (PC6).
 */
public record Postcode(String value) implements Comparable<Postcode> {

    private static final Pattern PC4 = Pattern.compile("^[1-9][0-9]{3}$");
    private static final Pattern PC6 = Pattern.compile("^[1-9][0-9]{3}[A-Z]{2}$");

    public Postcode {
        if (value == null || !(PC4.matcher(value).matches() || PC6.matcher(value).matches())) {
            throw new IllegalArgumentException("postcode must be PC4 (1234) or PC6 (1234AB), got '" + value + "'");
        }
    }

    /** Accepts {@code 1011 ab}, {@code 1011AB} or {@code 1011}; {@code null} when it is no Dutch postcode. */
    public static Postcode parseOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        String normalised = raw.replace(" ", "").toUpperCase(Locale.ROOT);
        return PC4.matcher(normalised).matches() || PC6.matcher(normalised).matches() ? new Postcode(normalised) : null;
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
