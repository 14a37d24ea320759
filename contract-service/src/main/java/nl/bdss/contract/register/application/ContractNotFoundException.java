package nl.bdss.contract.register.application;

/** No contract (or no such version) with the requested id. */
public class ContractNotFoundException extends RuntimeException {

    public ContractNotFoundException(String message) {
        super(message);
    }
}
