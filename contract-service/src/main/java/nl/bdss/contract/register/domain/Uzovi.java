package nl.bdss.contract.register.domain;

import java.util.regex.Pattern;

/** An insurer's UZOVI code: exactly four digits. */
public record Uzovi(String code) {

    private static final Pattern FORMAT = Pattern.compile("^[0-9]{4}$");

    public Uzovi {
        if (!isValid(code)) {
            throw new IllegalArgumentException("UZOVI code must be 4 digits, was " + code);
        }
    }

    public static boolean isValid(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }

    @Override
    public String toString() {
        return code;
    }
}
