package nl.bdss.settlement.riskequalisation.domain;

/** Where an insurer's distribution key for a year stands with Zorginstituut Nederland (R19). */
public enum ChoiceStatus {
    /** Proposed by the insurer, not (yet) approved. */
    PROPOSED,
    /** Approved by Zorginstituut Nederland on a date. */
    APPROVED
}
