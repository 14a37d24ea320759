package nl.bdss.reporting.region.domain;

/**
 * A value of a region upload that breaks a rule: the field as the upload names it, the rule ({@code R6}, or
 * {@code REQUEST} for a value of the wrong form) and what is wrong with it.
 */
public record Violation(String field, String rule, String message) {

    /** The rule of a value that has the wrong form, as the problem vocabulary names it. */
    public static final String FORM = "REQUEST";

    /** The violation in line {@code line} of an upload: {@code line 3: pc4To}. */
    public Violation onLine(int line) {
        return new Violation("line " + line + (field.isEmpty() ? "" : ": " + field), rule, message);
    }
}
