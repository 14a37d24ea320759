package nl.bdss.contract.register.domain;

/** Lifecycle status of a contract. */
public enum ContractStatus {
    ACTIVE, TERMINATED
}
