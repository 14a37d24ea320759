package nl.bdss.messaging;

/**
 * An event that decodes but that the consumer's business rules refuse (it would stay invalid however often it
 * is retried): it goes straight to the dead-letter topic with this message as the reason.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
