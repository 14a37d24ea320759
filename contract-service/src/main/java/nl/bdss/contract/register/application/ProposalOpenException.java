package nl.bdss.contract.register.application;

/** A contract has at most one open proposal; a second one is refused until the first is decided or withdrawn. */
public class ProposalOpenException extends RuntimeException {

    public ProposalOpenException(String message) {
        super(message);
    }
}
