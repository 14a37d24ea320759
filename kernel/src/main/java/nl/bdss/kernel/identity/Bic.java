package nl.bdss.kernel.identity;

import java.util.Optional;

/**
 * A bank's business identifier code (BIC, ISO 9362), upper case without spaces: 4 letters for the bank, 2 letters for
 * the country, 2 letters or digits for the location and optionally 3 letters or digits for the branch, e.g.
 * {@code ABNANL2A} or {@code ABNANL2AXXX}. {@link #of} accepts any case and surrounding spaces. Within SEPA a BIC is
 * optional: the IBAN identifies the account.
 */
public record Bic(String value) implements Comparable<Bic> {

    public Bic {
        String refusal = refusalOf(value);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /** Parses a BIC in any case, ignoring surrounding spaces; throws when it is none. */
    public static Bic of(String raw) {
        return new Bic(normalised(raw));
    }

    public static boolean isValid(String raw) {
        return whyInvalid(raw).isEmpty();
    }

    /** Why the text is no BIC, as one sentence for the caller; empty when it is one. */
    public static Optional<String> whyInvalid(String raw) {
        return Optional.ofNullable(refusalOf(normalised(raw)));
    }

    /** The bank's four letters, e.g. {@code ABNA}. */
    public String bankCode() {
        return value.substring(0, 4);
    }

    /** The two-letter country code, e.g. {@code NL}. */
    public String countryCode() {
        return value.substring(4, 6);
    }

    @Override
    public int compareTo(Bic other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalised(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        StringBuilder upper = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }

    private static String refusalOf(String value) {
        if (value == null || (value.length() != 8 && value.length() != 11)) {
            return "a BIC has 8 or 11 characters (bank, country, location, optional branch, e.g. ABNANL2A), was '"
                    + value + "'";
        }
        for (int i = 0; i < 6; i++) {
            if (!Digits.upperLetter(value.charAt(i))) {
                return "a BIC starts with 4 letters for the bank and 2 for the country, e.g. ABNANL..., was '"
                        + value + "'";
            }
        }
        for (int i = 6; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Digits.upperLetter(c) && !Digits.digit(c)) {
                return "a BIC's location and branch are letters or digits, was '" + value + "'";
            }
        }
        return null;
    }
}
