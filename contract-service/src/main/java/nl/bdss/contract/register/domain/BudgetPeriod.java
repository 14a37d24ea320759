package nl.bdss.contract.register.domain;

/** The period one lump sum is agreed for (R8). */
public enum BudgetPeriod {
    MONTH, QUARTER, YEAR
}
