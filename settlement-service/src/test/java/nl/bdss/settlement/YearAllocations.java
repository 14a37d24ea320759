package nl.bdss.settlement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.YearShares;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.common.PaymentTiming;
import nl.bdss.events.fixtures.ManualExampleEvents;

/**
 * AllocationCalculated events with market shares per contract year, as allocation-service publishes them: yearly
 * periods paid in advance, all Zvw, each line the test's own literal; a PENDING year's periods are left out of
 * {@code periods} and the overall status is PENDING when any year is. Every array field is set explicitly.
 */
public final class YearAllocations {

    private YearAllocations() {
    }

    /** One insurer's amount for one sector in a year, paid to {@code payee}. */
    public record Line(String uzovi, String sector, long cents) {
    }

    public static Line line(String uzovi, String sector, long cents) {
        return new Line(uzovi, sector, cents);
    }

    /** A whole calendar year's period with its Zvw lines. */
    public static AllocationPeriod year(int year, String payee, Line... lines) {
        List<AllocationLine> zvw = Arrays.stream(lines)
                .map(l -> new AllocationLine(LegalDomain.ZVW, l.sector(), l.uzovi(), payee, "hap-jaar", l.cents()))
                .toList();
        return new AllocationPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                zvw.stream().mapToLong(AllocationLine::getAmountCents).sum(), zvw);
    }

    public static YearShares complete(int year) {
        return shares(year, AllocationStatus.COMPLETE, null);
    }

    public static YearShares pending(int year) {
        return shares(year, AllocationStatus.PENDING, "no insured counts for reference date " + year + "-01-01");
    }

    private static YearShares shares(int year, AllocationStatus status, String reason) {
        return YearShares.newBuilder()
                .setYear(year)
                .setReferenceDate(LocalDate.of(year, 1, 1))
                .setDatasetId(status == AllocationStatus.COMPLETE ? "counts-" + year + "-01-01" : null)
                .setStatus(status)
                .setPendingReason(reason)
                .setMarketShares(List.of())
                .setServiceAreaCounts(List.of())
                .setSettledPeriodsKept(false)
                .build();
    }

    /**
     * Allocation {@code version} of the contract from {@code validFrom} to {@code validUntil}: the given periods (the
     * complete years') and the years' statuses; PENDING as a whole when any year is.
     */
    public static AllocationCalculated allocation(String contract, int version, LocalDate validFrom,
            LocalDate validUntil, List<AllocationPeriod> periods, List<YearShares> years) {
        boolean pending = years.stream().anyMatch(y -> y.getStatus() == AllocationStatus.PENDING);
        return ManualExampleEvents.allocation(contract, version, version)
                .setEventId(UUID.randomUUID())
                .setStatus(pending ? AllocationStatus.PENDING : AllocationStatus.COMPLETE)
                .setPendingReason(pending ? "a contract year has no insured counts yet" : null)
                .setValidFrom(validFrom)
                .setValidUntil(validUntil)
                .setBudgetPeriod(BudgetPeriod.YEAR)
                .setPaymentTiming(PaymentTiming.IN_ADVANCE)
                .setMarketShares(List.of())
                .setServiceAreaCounts(List.of())
                .setPeriods(periods)
                .setYearShares(years)
                .setWarnings(List.of())
                .setCause("CONTRACT_VERSION")
                .build();
    }
}
