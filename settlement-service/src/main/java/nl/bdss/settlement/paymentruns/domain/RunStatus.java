package nl.bdss.settlement.paymentruns.domain;

/**
 * Where a payment run is: CREATED (its transfers fixed, its instructions claimed), SENT (its pain.001 file was first
 * downloaded: set by the file step, not yet built), COMPLETED (the bank's status report settled it: a later step),
 * or CANCELLED before it was sent (its instructions free again).
 */
public enum RunStatus {
    CREATED, SENT, CANCELLED, COMPLETED
}
