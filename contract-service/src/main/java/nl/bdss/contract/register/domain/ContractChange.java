package nl.bdss.contract.register.domain;

/** What produced a contract version. */
public enum ContractChange {
    REGISTERED, AMENDED, TERMINATED
}
