package nl.bdss.reporting.contracts.domain;

/** The calendar period a lump sum is agreed for (R8), as the contract states it. */
public enum BudgetPeriod {
    MONTH,
    QUARTER,
    YEAR
}
