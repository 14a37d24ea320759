package nl.bdss.allocation.counts.domain;

/**
 * Why a row of a delivery was refused, and the rule it breaks ({@code R6}, {@code R11}, or {@link #REQUEST} for the
 * delivery's form). For CSV, {@code line} is the line number (line 1 is the header) and {@code field} the column; for
 * JSON, {@code line} is absent and {@code field} names the array element, e.g. {@code counts[3].postcode}.
 */
public record LineError(Long line, String field, String rule, String message) {

    /** The rule of errors in the delivery's form (header, fields, syntax), as in the problem vocabulary. */
    public static final String REQUEST = "REQUEST";
}
