package nl.bdss.kernel.identity;

import java.util.Optional;

/**
 * A Dutch postcode of a service area or a count row (R6, R11), normalised to upper case without a space:
 * {@code 1011} (PC4) or {@code 1011AB} (PC6).
 *
 * <p>One rule set for every service: four digits not starting with 0, optionally two letters. PostNL never issues
 * the letter pairs SA, SD and SS, so a PC6 with them is refused. Input may carry lower case and one space between
 * digits and letters ({@code 1011 ab}); {@link #parse} normalises it.
 */
public record Postcode(String value) implements Comparable<Postcode> {

    public Postcode {
        if (!isNormalised(value)) {
            throw new IllegalArgumentException("a postcode must be PC4 (1234) or PC6 (1234AB, not SA, SD or SS), was '"
                    + value + "'");
        }
    }

    /** Parses {@code 1011}, {@code 1011AB}, {@code 1011 AB} or {@code 1011 ab}; {@code null} when it is no postcode. */
    public static Postcode parseOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        if (isNormalised(raw)) {
            return new Postcode(raw);
        }
        String normalised = normalise(raw);
        return normalised != null && isNormalised(normalised) ? new Postcode(normalised) : null;
    }

    public static Optional<Postcode> parse(String raw) {
        return Optional.ofNullable(parseOrNull(raw));
    }

    /** Parses as {@link #parse} does; throws when the text is no postcode. */
    public static Postcode of(String raw) {
        Postcode postcode = parseOrNull(raw);
        if (postcode == null) {
            throw new IllegalArgumentException("a postcode must be PC4 (1234) or PC6 (1234AB, not SA, SD or SS), was '"
                    + raw + "'");
        }
        return postcode;
    }

    /** Whether the text is a valid postcode in its normal form, checked by hand (it runs for every count row). */
    public static boolean isNormalised(String value) {
        if (value == null || (value.length() != 4 && value.length() != 6)) {
            return false;
        }
        char first = value.charAt(0);
        if (first < '1' || first > '9' || !Digits.digit(value.charAt(1)) || !Digits.digit(value.charAt(2))
                || !Digits.digit(value.charAt(3))) {
            return false;
        }
        if (value.length() == 4) {
            return true;
        }
        char a = value.charAt(4);
        char b = value.charAt(5);
        return Digits.upperLetter(a) && Digits.upperLetter(b) && !(a == 'S' && (b == 'A' || b == 'D' || b == 'S'));
    }

    /** Upper case, and the one space between the digits and the letters removed; {@code null} for other shapes. */
    private static String normalise(String raw) {
        String text = raw.strip();
        if (text.length() == 7 && text.charAt(4) == ' ') {
            text = text.substring(0, 4) + text.substring(5);
        }
        if (text.length() != 4 && text.length() != 6) {
            return null;
        }
        StringBuilder upper = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }

    public PostcodeLevel level() {
        return value.length() == 4 ? PostcodeLevel.PC4 : PostcodeLevel.PC6;
    }

    /** Whether this is a whole PC4 area (not named {@code isPc4}: it is derived, not a property of the value). */
    public boolean pc4Area() {
        return value.length() == 4;
    }

    /** The PC4 area this postcode lies in. */
    public String pc4() {
        return value.substring(0, 4);
    }

    /** Whether a count row for {@code row} lies inside this service-area postcode. */
    public boolean contains(Postcode row) {
        return pc4Area() ? row.pc4().equals(value) : row.value.equals(value);
    }

    /** Two postcodes overlap when they are equal or one is the PC4 area that contains the other. */
    public boolean overlaps(Postcode other) {
        if (pc4Area() || other.pc4Area()) {
            return pc4().equals(other.pc4());
        }
        return value.equals(other.value);
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
