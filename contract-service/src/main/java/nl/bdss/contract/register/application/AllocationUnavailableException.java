package nl.bdss.contract.register.application;

/** Allocation could not be asked for a preview (unreachable, too slow, or failing); nothing was changed. */
public class AllocationUnavailableException extends RuntimeException {

    public AllocationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
