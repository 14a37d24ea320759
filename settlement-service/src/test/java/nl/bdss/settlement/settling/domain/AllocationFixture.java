package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;

/** The manual's example: yearly in advance, 2025-2026, Zvw 7,000,000 per year, 3311 60% and 3343 40%, to AGB 01012345. */
public final class AllocationFixture {

    public static final String MAIN_CONTRACTOR = "01012345";

    private AllocationFixture() {
    }

    public static CurrentAllocation manualExample(String contractId) {
        return allocation(contractId, 1, LocalDate.of(2026, 12, 31), 10_000_000L);
    }

    /** The example with another lump sum per full year from 2026 on (an amendment). */
    public static CurrentAllocation amendedFrom2026(String contractId, int version, long lumpSum2026) {
        List<AllocatedPeriod> periods = new ArrayList<>();
        periods.add(year(contractId, 2025, LocalDate.of(2025, 12, 31), 10_000_000L));
        periods.add(year(contractId, 2026, LocalDate.of(2026, 12, 31), lumpSum2026));
        return new CurrentAllocation(contractId, version, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                PaymentTiming.IN_ADVANCE, periods);
    }

    /** The example terminated: the last period ends on {@code end}, its amount pro-rata by days. */
    public static CurrentAllocation terminated(String contractId, int version, LocalDate end) {
        long days = end.getDayOfYear();
        long proRata = 10_000_000L * days / 365;
        return new CurrentAllocation(contractId, version, LocalDate.of(2025, 1, 1), end, PaymentTiming.IN_ADVANCE,
                List.of(year(contractId, 2025, LocalDate.of(2025, 12, 31), 10_000_000L),
                        year(contractId, 2026, end, proRata)));
    }

    public static CurrentAllocation allocation(String contractId, int version, LocalDate validUntil, long lumpSum) {
        return new CurrentAllocation(contractId, version, LocalDate.of(2025, 1, 1), validUntil, PaymentTiming.IN_ADVANCE,
                List.of(year(contractId, 2025, LocalDate.of(2025, 12, 31), lumpSum),
                        year(contractId, 2026, LocalDate.of(2026, 12, 31), lumpSum)));
    }

    /** Zvw 70% of the lump sum, half per sector, 60/40 over the insurers (exact in the example's figures). */
    public static AllocatedPeriod year(String contractId, int year, LocalDate end, long lumpSum) {
        LocalDate start = LocalDate.of(year, 1, 1);
        long sector = lumpSum * 7 / 10 / 2;
        long first = sector * 6 / 10;
        long second = sector - first;
        return new AllocatedPeriod(new Period(start, end), List.of(
                line(contractId, start, "3311", "WIJKVERPLEGING", first),
                line(contractId, start, "3311", "HUISARTSENZORG", first),
                line(contractId, start, "3343", "WIJKVERPLEGING", second),
                line(contractId, start, "3343", "HUISARTSENZORG", second)));
    }

    public static PayableLine line(String contractId, LocalDate start, String uzovi, String sector, long amount) {
        return new PayableLine(new SettlementTarget(contractId, start, uzovi, MAIN_CONTRACTOR, sector), "hap-west", amount);
    }

    /** What booking the decisions would leave behind. */
    public static List<BookedEntry> booked(List<Booking> bookings) {
        return bookings.stream()
                .map(b -> new BookedEntry(b.entryKey(), b.kind(), b.target(), b.period(), b.payeePartyKey(), b.amountCents(),
                        b.instalment(), b.vatCents()))
                .toList();
    }

    /** The same allocation paid by {@code schedule}, with these VAT treatments per payee AGB code. */
    public static CurrentAllocation paid(CurrentAllocation allocation, PaymentTiming timing, PaymentSchedule schedule,
            Map<String, Vat> payeeVat) {
        return new CurrentAllocation(allocation.contractId(), allocation.allocationVersion(), allocation.validFrom(),
                allocation.validUntil(), timing, allocation.periods(), allocation.pendingYears(), schedule, payeeVat);
    }
}
