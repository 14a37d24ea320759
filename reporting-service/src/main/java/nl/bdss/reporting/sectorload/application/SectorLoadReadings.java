package nl.bdss.reporting.sectorload.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.reporting.sectorload.domain.YearView;

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

    /**
     * An insurer's settled amount in a sector and year. In the booking-year view one row per service year the amounts
     * booked in the year belong to ({@code serviceYear}); in the service-year view of a closed year the amount as
     * closed and the later corrections beside it. Each of these is null (left out) in the other cases.
     */
    record InsurerLoad(String uzovi, String sector, Integer serviceYear, long amountCents, Long amountAtCloseCents,
            Long laterCorrectionsCents) {

        public InsurerLoad withoutSplit() {
            return new InsurerLoad(uzovi, sector, serviceYear, amountCents, null, null);
        }
    }

    /** A contract's settled amount in a sector and year; as {@link InsurerLoad} per view. */
    record ContractLoad(String contractId, String sector, Integer serviceYear, long amountCents, Long amountAtCloseCents,
            Long laterCorrectionsCents) {

        public ContractLoad withoutSplit() {
            return new ContractLoad(contractId, sector, serviceYear, amountCents, null, null);
        }
    }

    record PeriodSettlement(LocalDate periodStart, LocalDate periodEnd, String sector, long amountCents,
            long entries, long corrections) {
    }

    /** Per sector. */
    Map<String, Settled> settled(int year);

    /** Per sector. */
    Map<String, MacroFigure> macroBudgets(int year);

    /** Per sector and service year, what was booked in the booking year. */
    Map<String, Map<Integer, Long>> booked(int bookingYear);

    /** The years with a settled load, a booked amount, a committed amount or a macro budget, in order. */
    List<Integer> years();

    /**
     * The settled load per insurer and sector (and in the booking-year view service year), {@code limit} rows from
     * {@code offset}; in the service-year view with the split as closed and later.
     */
    List<InsurerLoad> byInsurer(int year, YearView view, String onlyUzovi, long limit, long offset);

    long insurerCount(int year, YearView view, String onlyUzovi);

    /** The settled load per contract and sector as {@link #byInsurer}, {@code limit} rows from {@code offset}. */
    List<ContractLoad> byContract(int year, YearView view, String onlyUzovi, int limit, long offset);

    /** The settled amounts per period and sector, {@code limit} rows from {@code offset}. */
    List<PeriodSettlement> settlementsByPeriod(int year, String onlyUzovi, long limit, long offset);

    long periodCount(int year, String onlyUzovi);
}
