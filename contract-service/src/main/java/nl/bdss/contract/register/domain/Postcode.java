package nl.bdss.contract.register.domain;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Dutch postcode of a service area (R6): PC4 ({@code 1234}) or PC6 ({@code 1234AB}), stored without the space.
 * PC6 letter pairs SA, SD and SS are never issued in the Netherlands and are refused.
 */
public record Postcode(String value) {

    private static final Pattern PC4 = Pattern.compile("^[1-9][0-9]{3}$");
    private static final Pattern PC6 = Pattern.compile("^[1-9][0-9]{3} ?[A-Z]{2}$");
    private static final Set<String> UNUSED_LETTERS = Set.of("SA", "SD", "SS");

    public Postcode {
        if (value == null || !(PC4.matcher(value).matches() || (value.length() == 6 && PC6.matcher(value).matches()
                && !UNUSED_LETTERS.contains(value.substring(4))))) {
            throw new IllegalArgumentException("Not a normalised PC4 or PC6 postcode: " + value);
        }
    }

    /** Parses {@code 1234}, {@code 1234AB} or {@code 1234 AB}; empty when the text is no valid Dutch postcode. */
    public static Optional<Postcode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (PC4.matcher(text).matches()) {
            return Optional.of(new Postcode(text));
        }
        if (!PC6.matcher(text).matches()) {
            return Optional.empty();
        }
        String normalised = text.replace(" ", "");
        return UNUSED_LETTERS.contains(normalised.substring(4)) ? Optional.empty() : Optional.of(new Postcode(normalised));
    }

    public boolean isPc4() {
        return value.length() == 4;
    }

    public String pc4() {
        return value.substring(0, 4);
    }

    /** Two postcodes overlap when they are equal or one is the PC4 area that contains the other. */
    public boolean overlaps(Postcode other) {
        if (isPc4() || other.isPc4()) {
            return pc4().equals(other.pc4());
        }
        return value.equals(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
