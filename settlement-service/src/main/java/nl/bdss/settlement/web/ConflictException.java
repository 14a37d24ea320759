package nl.bdss.settlement.web;

/** The request contradicts what is already recorded, which is never changed (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
