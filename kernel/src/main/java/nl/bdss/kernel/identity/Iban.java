package nl.bdss.kernel.identity;

import java.util.Map;
import java.util.Optional;

/**
 * An international bank account number (ISO 13616) in its electronic form: upper case, no spaces, e.g.
 * {@code NL91ABNA0417164300}. The money of a payment is paid to or from one (issue 16).
 *
 * <p>Accepted when it holds only letters and digits, starts with a country code of the IBAN registry and two check
 * digits, has that country's registered length (NL 18, BE 16, DE 22, every SEPA country and the registry's others),
 * and passes ISO 7064 MOD 97-10: the first four characters moved to the end, each letter read as two digits
 * (A = 10 ... Z = 35), the number leaves remainder 1 when divided by 97. Check digits 00, 01 and 99 are never issued.
 * {@link #of} accepts any case and spaces anywhere (the paper form is groups of four, {@link #formatted()}).
 * The country's national account format (BBAN) is not checked beyond its length: the check digits catch every
 * single mistyped digit and every swap of two neighbouring digits, which is what a typed account number gets wrong.
 */
public record Iban(String value) implements Comparable<Iban> {

    /** ISO 13616 registry: the IBAN length per country code (SWIFT IBAN registry; every SEPA country included). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    /** The longest IBAN ISO 13616 allows. */
    public static final int MAX_LENGTH = 34;

    public Iban {
        String refusal = refusalOfElectronic(value);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /** Parses an IBAN in any case, with or without spaces ({@code nl91 abna 0417 1643 00}); throws when invalid. */
    public static Iban of(String raw) {
        return new Iban(electronic(raw));
    }

    /** The IBAN, or empty when the text is none. */
    public static Optional<Iban> parse(String raw) {
        return isValid(raw) ? Optional.of(of(raw)) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        return whyInvalid(raw).isEmpty();
    }

    /** Why the text (any case, spaces allowed) is no valid IBAN, as one sentence for the caller; empty when valid. */
    public static Optional<String> whyInvalid(String raw) {
        return Optional.ofNullable(refusalOfElectronic(electronic(raw)));
    }

    /** The registered IBAN length of a country, empty when the country has no IBAN in the registry. */
    public static Optional<Integer> lengthOf(String countryCode) {
        return Optional.ofNullable(countryCode == null ? null : LENGTHS.get(countryCode));
    }

    /** The two-letter country code, e.g. {@code NL}. */
    public String countryCode() {
        return value.substring(0, 2);
    }

    /** The paper form: groups of four characters separated by one space, e.g. {@code NL91 ABNA 0417 1643 00}. */
    public String formatted() {
        StringBuilder groups = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                groups.append(' ');
            }
            groups.append(value.charAt(i));
        }
        return groups.toString();
    }

    @Override
    public int compareTo(Iban other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Upper case with every space removed; null stays null. Other characters are kept, so they can be refused. */
    private static String electronic(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != ' ') {
                text.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
            }
        }
        return text.toString();
    }

    /** Why an electronic-form text is no IBAN; null when it is one. */
    private static String refusalOfElectronic(String value) {
        if (value == null || value.isEmpty()) {
            return "an IBAN is required, e.g. NL91ABNA0417164300";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Digits.digit(c) && !Digits.upperLetter(c)) {
                return "an IBAN holds only letters, digits and spaces; '" + c + "' at position " + (i + 1)
                        + " is none of them";
            }
        }
        if (value.length() < 4 || !Digits.upperLetter(value.charAt(0)) || !Digits.upperLetter(value.charAt(1))
                || !Digits.digit(value.charAt(2)) || !Digits.digit(value.charAt(3))) {
            return "an IBAN starts with a two-letter country code and two check digits, e.g. NL91..., was '"
                    + value + "'";
        }
        String country = value.substring(0, 2);
        Integer length = LENGTHS.get(country);
        if (length == null) {
            return "an IBAN's country code must be one of the IBAN registry (ISO 13616); " + country + " is not";
        }
        if (value.length() != length) {
            return "an IBAN of country " + country + " has " + length + " characters, this one has " + value.length();
        }
        String checkDigits = value.substring(2, 4);
        if (checkDigits.equals("00") || checkDigits.equals("01") || checkDigits.equals("99")) {
            return "an IBAN's check digits are 02 to 98, never " + checkDigits;
        }
        if (mod97(value) != 1) {
            return "the IBAN's check digits " + checkDigits + " do not match the account number (ISO 7064 MOD 97-10):"
                    + " a character is mistyped or two are swapped";
        }
        return null;
    }

    /**
     * ISO 7064 MOD 97-10 of an IBAN of letters and digits: the first four characters moved to the end, a letter read
     * as the two digits of 10 to 35, the remainder of the whole number by 97 computed digit by digit.
     */
    private static int mod97(String value) {
        int remainder = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt((k + 4) % value.length());
            remainder = Digits.digit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }
}
