package nl.bdss.settlement.settling.domain;

/** A payment instruction for a period's lump sum, or a correction of one (never an edit). */
public enum EntryKind {
    LUMP_SUM,
    CORRECTION
}
