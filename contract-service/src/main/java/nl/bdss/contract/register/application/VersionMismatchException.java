package nl.bdss.contract.register.application;

/** Optimistic concurrency: the client changed a version that is no longer the current one. */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException(int expected, int current) {
        super("the request was based on version " + expected + " but the contract is at version " + current
                + "; read it again and retry");
    }
}
