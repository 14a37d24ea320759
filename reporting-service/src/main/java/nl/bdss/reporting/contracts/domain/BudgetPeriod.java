package nl.bdss.reporting.contracts.domain;

import java.time.LocalDate;

/** The calendar period a lump sum is agreed for (R8); periods never span two calendar years. */
public enum BudgetPeriod {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private final int months;

    BudgetPeriod(int months) {
        this.months = months;
    }

    /** The first day of the period that contains the date. */
    public LocalDate startOf(LocalDate date) {
        int firstMonth = ((date.getMonthValue() - 1) / months) * months + 1;
        return LocalDate.of(date.getYear(), firstMonth, 1);
    }

    /** The last day (inclusive) of the period starting on the given start. */
    public LocalDate endOf(LocalDate start) {
        return start.plusMonths(months).minusDays(1);
    }
}
