package nl.bdss.contract.register.domain;

/**
 * What produced a contract version. {@code OVERLAP_FLAGGED}: the terms are unchanged, only the contracts this one
 * overlaps (R4, R22) changed, because another contract now overlaps it or no longer does.
 */
public enum ContractChange {
    REGISTERED, AMENDED, TERMINATED, OVERLAP_FLAGGED
}
