package nl.bdss.problem;

import java.util.Objects;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code budget.domainShares[1].basisPoints}, a
 * query parameter or a header name; empty for the body as a whole), the rule it breaks ({@code R7}, or
 * {@code REQUEST} for the request's form) and a message a back office can act on.
 */
public record FieldError(String field, String rule, String message) {

    /** The rule of errors in a request's form (syntax, types, headers) rather than in a domain rule. */
    public static final String REQUEST = "REQUEST";

    public FieldError {
        field = field == null ? "" : field;
        Objects.requireNonNull(rule, "a field error names the rule it breaks");
        Objects.requireNonNull(message, "a field error needs a message");
    }

    public static FieldError request(String field, String message) {
        return new FieldError(field, REQUEST, message);
    }
}
