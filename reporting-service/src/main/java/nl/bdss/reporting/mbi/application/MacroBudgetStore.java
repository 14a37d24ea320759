package nl.bdss.reporting.mbi.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.reporting.mbi.domain.MacroBudget;

/** The sector macro budgets as dated reference data (port, R18). */
public interface MacroBudgetStore {

    /** A stored figure as the API shows it. */
    record MacroBudgetView(String sector, int year, long amountCents, String source, LocalDate date) {
    }

    /**
     * Records the figure unless the sector-year already has one of a later date; returns whether it was taken over.
     */
    boolean record(MacroBudget budget, Instant recordedAt);

    /** The figures of the year, by sector. */
    List<MacroBudgetView> ofYear(int year);
}
