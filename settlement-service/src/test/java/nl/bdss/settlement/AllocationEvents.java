package nl.bdss.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.allocation.ServiceAreaCount;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.common.PaymentTiming;

/** AllocationCalculated events as allocation-service publishes them for the manual's example. */
public final class AllocationEvents {

    /** When allocation-service calculated these allocations: a fixed moment, nothing depends on today. */
    private static final Instant ALLOCATED_AT = Instant.parse("2025-01-01T10:00:00Z");

    private AllocationEvents() {
    }

    /** The example: lump sum 10,000,000 per year, 2025-2026, yearly in advance. */
    public static AllocationCalculated manualExample(String contractId) {
        return allocation(contractId, 1, LocalDate.of(2026, 12, 31), 10_000_000L, 10_000_000L);
    }

    /**
     * The example with the counts behind its market shares (R11, R19): 3311 holds 1,200 and 3343 holds 800 insureds
     * in each of the service area's postcodes 1011, 1012, 1013, 1015 and 1016 on 2025-03-01.
     */
    public static AllocationCalculated manualExampleWithServiceAreaCounts(String contractId) {
        AllocationCalculated allocation = manualExample(contractId);
        List<ServiceAreaCount> counts = new ArrayList<>();
        for (String postcode : List.of("1011", "1012", "1013", "1015", "1016")) {
            counts.add(new ServiceAreaCount("3311", postcode, 1200L));
            counts.add(new ServiceAreaCount("3343", postcode, 800L));
        }
        allocation.setServiceAreaCounts(counts);
        return allocation;
    }

    /**
     * An allocation with the given full-year lump sums for 2025 and 2026; a validUntil before 2026-12-31 shortens
     * 2026 pro-rata by days, as a termination does.
     */
    public static AllocationCalculated allocation(String contractId, int version, LocalDate validUntil, long lumpSum2025,
            long lumpSum2026) {
        List<AllocationPeriod> periods = new ArrayList<>();
        periods.add(year(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), lumpSum2025));
        long amount2026 = lumpSum2026 * validUntil.getDayOfYear() / 365;
        periods.add(year(LocalDate.of(2026, 1, 1), validUntil, amount2026));
        return AllocationCalculated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(ALLOCATED_AT)
                .setContractId(contractId)
                .setAllocationVersion(version)
                .setContractVersion(version)
                .setStatus(AllocationStatus.COMPLETE)
                .setPendingReason(null)
                .setValidFrom(LocalDate.of(2025, 1, 1))
                .setValidUntil(validUntil)
                .setBudgetPeriod(BudgetPeriod.YEAR)
                .setPaymentTiming(PaymentTiming.IN_ADVANCE)
                .setLumpSumCents(lumpSum2026)
                .setReferenceDate(LocalDate.of(2025, 3, 1))
                .setDatasetId("counts-2025-03-01")
                .setMarketShares(List.of(new MarketShare("3311", 6000L, 6000), new MarketShare("3343", 4000L, 4000)))
                .setServiceAreaCounts(List.of())
                .setPeriods(periods)
                .build();
    }

    /** 10% Wmo and 20% Jeugdwet (recorded, never paid), 70% Zvw split 50/50 over two sectors and 60/40 over insurers. */
    private static AllocationPeriod year(LocalDate start, LocalDate end, long amount) {
        long wmo = amount / 10;
        long jeugd = amount / 5;
        long zvw = amount - wmo - jeugd;
        long sector = zvw / 2;
        long otherSector = zvw - sector;
        return new AllocationPeriod(start, end, amount, List.of(
                new AllocationLine(LegalDomain.WMO, null, null, null, "welzijn-centraal", wmo),
                new AllocationLine(LegalDomain.JEUGDWET, null, null, null, "jeugdteam-oost", jeugd),
                zvw("WIJKVERPLEGING", "3311", sector * 6 / 10),
                zvw("WIJKVERPLEGING", "3343", sector - sector * 6 / 10),
                zvw("HUISARTSENZORG", "3311", otherSector * 6 / 10),
                zvw("HUISARTSENZORG", "3343", otherSector - otherSector * 6 / 10)));
    }

    private static AllocationLine zvw(String sector, String uzovi, long amount) {
        return new AllocationLine(LegalDomain.ZVW, sector, uzovi, "01012345", "hap-west", amount);
    }
}
