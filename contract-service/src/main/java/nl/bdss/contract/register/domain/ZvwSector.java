package nl.bdss.contract.register.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Zvw sector (macro-budget sector) whose budget a Zvw provider's costs load (R7, R18), by its code
 * ({@code HUISARTSENZORG}). Which codes exist, whether each is a macro-budget sector and from when to when is
 * reference data an operator maintains ({@link ZvwSectorRegister}), not code: the NZa's list changes without a release.
 */
public record ZvwSector(String code) {

    /** Capitals, digits and underscores, starting with a capital: how the NZa's sector names are written as codes. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    /** R12: a GP (huisartsenzorg) takes part. */
    public static final ZvwSector HUISARTSENZORG = new ZvwSector("HUISARTSENZORG");

    public ZvwSector {
        Objects.requireNonNull(code, "a Zvw sector needs a code");
        if (!isValidCode(code)) {
            throw new IllegalArgumentException("a Zvw sector code is 2-64 capitals, digits or underscores, starting with"
                    + " a capital, was '" + code + "'");
        }
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The code: how a sector is written in documents, stored terms, map keys and events. */
    @Override
    public String toString() {
        return code;
    }
}
