package nl.bdss.reporting.mbi.domain;

/**
 * A value that breaks a rule: the field as the API names it, the rule ({@code R18}, or {@code REQUEST} for a value
 * of the wrong form) and what is wrong with it.
 */
public record Violation(String field, String rule, String message) {

    /** The rule of a value that has the wrong form (not a number, not a date), as the problem vocabulary names it. */
    public static final String FORM = "REQUEST";

    /** The violation in line {@code line} of an upload: {@code line 3: amountCents}. */
    public Violation onLine(int line) {
        return new Violation("line " + line + (field.isEmpty() ? "" : ": " + field), rule, message);
    }
}
