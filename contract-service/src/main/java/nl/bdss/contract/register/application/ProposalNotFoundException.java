package nl.bdss.contract.register.application;

/**
 * No proposal of the contract that the caller may see or decide on. Said the same way for an unknown contract, so
 * whether another party's contract exists does not leak.
 */
public class ProposalNotFoundException extends RuntimeException {

    public ProposalNotFoundException(String message) {
        super(message);
    }
}
