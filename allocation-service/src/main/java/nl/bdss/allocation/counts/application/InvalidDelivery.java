package nl.bdss.allocation.counts.application;

import java.util.List;
import nl.bdss.allocation.counts.domain.LineError;

/** A delivery refused as a whole: nothing of it is stored. Lists the first errors and counts them all. */
public class InvalidDelivery extends RuntimeException {

    private final transient List<LineError> errors;
    private final long errorCount;

    public InvalidDelivery(List<LineError> errors, long errorCount) {
        super(errorCount + " error(s) in the delivery; nothing was stored");
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<LineError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }
}
