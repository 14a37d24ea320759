package nl.bdss.allocation.split.domain;

/** The calendar period a lump sum is agreed for (R8). */
public enum PeriodKind {
    MONTH, QUARTER, YEAR
}
