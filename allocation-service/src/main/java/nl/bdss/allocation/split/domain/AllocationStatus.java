package nl.bdss.allocation.split.domain;

/** COMPLETE: every amount is known. PENDING: the market shares cannot be fixed yet (R11), see the reason. */
public enum AllocationStatus {
    COMPLETE, PENDING
}
