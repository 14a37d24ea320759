package nl.bdss.reporting.web;

import java.util.List;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;

/** A request refused for the values it carries: a 400 naming every field and the rule it breaks. */
public final class Refusals {

    /** At most this many field errors are listed; an upload with more names the first ones. */
    static final int MAX_ERRORS = 100;

    private Refusals() {
    }

    /** The refusal of the problem type, listing {@code errors} (at least one). */
    public static ProblemException invalid(String type, String title, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field error");
        }
        FieldError first = errors.get(0);
        String detail = errors.size() == 1 ? describe(first)
                : errors.size() + " values break a rule" + (errors.size() > MAX_ERRORS ? " (the first " + MAX_ERRORS
                        + " are listed)" : "") + ", the first: " + describe(first);
        return new ProblemException(new Problem(400, type, title, detail,
                errors.subList(0, Math.min(errors.size(), MAX_ERRORS))));
    }

    private static String describe(FieldError error) {
        return error.field() + ": " + error.message();
    }
}
