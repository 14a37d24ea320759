package nl.bdss.contract.register.domain;

/** R10: one main contractor receives and passes on the money, or all providers are equal partners. */
public enum ExecutionModelType {
    MAIN_CONTRACTOR, EQUAL_PARTNERS
}
