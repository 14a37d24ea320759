package nl.bdss.contract.register.domain;

import java.util.regex.Pattern;

/** A care provider's AGB code: exactly eight digits. */
public record AgbCode(String code) {

    private static final Pattern FORMAT = Pattern.compile("^[0-9]{8}$");

    public AgbCode {
        if (!isValid(code)) {
            throw new IllegalArgumentException("AGB code must be 8 digits, was " + code);
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
