package nl.bdss.reporting.mbi.domain;

/** What a sector's load is measured on (R21): what has been settled, or what is committed for the whole year. */
public enum LoadBasis {
    SETTLED,
    COMMITTED
}
