package nl.bdss.contract.register.application;

/** Only the party that made a proposal may withdraw it. */
public class NotTheProposerException extends RuntimeException {

    public NotTheProposerException(String message) {
        super(message);
    }
}
