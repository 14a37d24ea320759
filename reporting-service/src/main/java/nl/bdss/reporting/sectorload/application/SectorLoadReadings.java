package nl.bdss.reporting.sectorload.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reads the settled load and the settled entries of a year (port). With {@code onlyUzovi} (an insurer's own, from its
 * token) only that insurer's lines count, else all.
 */
public interface SectorLoadReadings {

    /** A sector's settled load and the number of entries that changed it. */
    record Settled(long amountCents, long version) {
    }

    /** A sector's macro budget of the year, with where it comes from. */
    record MacroFigure(long amountCents, String source, LocalDate date) {
    }

    record InsurerLoad(String uzovi, String sector, long amountCents) {
    }

    record ContractLoad(String contractId, String sector, long amountCents) {
    }

    record PeriodSettlement(LocalDate periodStart, LocalDate periodEnd, String sector, long amountCents,
            long entries, long corrections) {
    }

    /** Per sector. */
    Map<String, Settled> settled(int year);

    /** Per sector. */
    Map<String, MacroFigure> macroBudgets(int year);

    /** The years with a settled load, a committed amount or a macro budget, in order. */
    List<Integer> years();

    /** The settled load per insurer and sector, {@code limit} rows from {@code offset}. */
    List<InsurerLoad> byInsurer(int year, String onlyUzovi, long limit, long offset);

    long insurerCount(int year, String onlyUzovi);

    /** The settled load per contract and sector, {@code limit} rows from {@code offset}. */
    List<ContractLoad> byContract(int year, String onlyUzovi, int limit, long offset);

    /** The settled amounts per period and sector, {@code limit} rows from {@code offset}. */
    List<PeriodSettlement> settlementsByPeriod(int year, String onlyUzovi, long limit, long offset);

    long periodCount(int year, String onlyUzovi);
}
