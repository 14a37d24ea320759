package nl.bdss.contract.register.application;

/** The requested change is not allowed in the contract's current state; nothing was stored. */
public class IllegalContractTransitionException extends RuntimeException {

    public IllegalContractTransitionException(String reason) {
        super(reason);
    }
}
