package nl.bdss.settlement.web;

import java.util.ArrayList;
import java.util.List;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;

/**
 * A request's fields checked at the edge: every field that breaks its rule is named, and the request is refused as
 * one 400 {@code invalid-request} before anything is read or stored.
 */
public final class FieldChecks {

    private final List<FieldError> errors = new ArrayList<>();

    /** Notes that {@code field} breaks {@code rule} ({@link FieldError#REQUEST} or a rule number) unless it holds. */
    public FieldChecks check(boolean holds, String field, String rule, String message) {
        if (!holds) {
            errors.add(new FieldError(field, rule, message));
        }
        return this;
    }

    /** Refuses the request when any check failed. */
    public void refuseIfAny() {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(FieldError::message).toList());
            throw new ProblemException(new Problem(400, "invalid-request", "Invalid request", detail, errors));
        }
    }
}
