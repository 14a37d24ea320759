package nl.bdss.settlement.settling.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.allocation.ServiceAreaCount;
import nl.bdss.events.allocation.YearShares;
import nl.bdss.events.fixtures.ManualExampleEvents;
import org.junit.jupiter.api.Test;

/** The counts behind an allocation are read per contract year (R19). */
class AllocationMapperYearCountsTest {

    private static YearShares year(int year, String referenceDate, long countOf3311In1011) {
        return YearShares.newBuilder()
                .setYear(year)
                .setReferenceDate(LocalDate.parse(referenceDate))
                .setDatasetId("counts-" + referenceDate)
                .setStatus(AllocationStatus.COMPLETE)
                .setPendingReason(null)
                .setMarketShares(List.of(new MarketShare("3311", countOf3311In1011, 10_000)))
                .setServiceAreaCounts(List.of(new ServiceAreaCount("3311", "1011", countOf3311In1011)))
                .setSettledPeriodsKept(false)
                .build();
    }

    @Test
    void eachYearsCountsCarryTheirYear_theTopLevelOnesAreTheFirstYearsAndNotKeptTwice() {
        var event = ManualExampleEvents.allocation("c1")
                .setServiceAreaCounts(List.of(new ServiceAreaCount("3311", "1011", 100L)))
                .setYearShares(List.of(year(2025, "2025-03-01", 100L), year(2026, "2026-03-01", 300L)))
                .setWarnings(List.of())
                .build();

        assertThat(AllocationMapper.toCommand(event).serviceAreaCounts()).containsExactly(
                new nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount("3311", "1011", 100L, 2025),
                new nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount("3311", "1011", 300L, 2026));
    }

    @Test
    void withoutYearShares_theCountsHoldForEveryYear() {
        var event = ManualExampleEvents.allocation("c1")
                .setServiceAreaCounts(List.of(new ServiceAreaCount("3311", "1011", 100L)))
                .setYearShares(List.of())
                .setWarnings(List.of())
                .build();

        assertThat(AllocationMapper.toCommand(event).serviceAreaCounts()).containsExactly(
                new nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount("3311", "1011", 100L, null));
    }
}
