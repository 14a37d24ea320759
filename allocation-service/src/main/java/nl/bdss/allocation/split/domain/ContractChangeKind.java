package nl.bdss.allocation.split.domain;

/**
 * What a contract version changed: REGISTERED starts the terms at validFrom; AMENDED replaces the terms from its
 * effective date on (which may lie in the past); TERMINATED only shortens the validity (R14); OVERLAP_FLAGGED
 * changes no term, only the contract's list of overlapping contracts (R4, R22).
 */
public enum ContractChangeKind {
    REGISTERED, AMENDED, TERMINATED, OVERLAP_FLAGGED
}
