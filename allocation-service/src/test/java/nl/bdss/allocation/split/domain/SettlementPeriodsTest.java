package nl.bdss.allocation.split.domain;

import static nl.bdss.allocation.split.domain.ContractFixtures.REFERENCE_DATE;
import static nl.bdss.allocation.split.domain.ContractFixtures.exampleCounts;
import static nl.bdss.allocation.split.domain.ContractFixtures.manualExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.time.PeriodKind;
import org.junit.jupiter.api.Test;

/** The periods of one version's terms: calendar periods, a partly covered one pro rata by days (R8). */
class SettlementPeriodsTest {

    @Test
    void calendarYears_partialFirstAndLastYearProRataByDays_R8() {
        Allocation allocation = allocate(manualExample(LocalDate.of(2024, 5, 1), LocalDate.of(2025, 4, 30), PeriodKind.YEAR));

        // 2024 is a leap year: 10,000,000 x 245/366 = 6,693,989.07; 2025: 10,000,000 x 120/365 = 3,287,671.23
        assertThat(allocation.periods()).extracting(AllocatedPeriod::start, AllocatedPeriod::end, AllocatedPeriod::amountCents)
                .containsExactly(
                        tuple(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 12, 31), 6_693_989L),
                        tuple(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 30), 3_287_671L));
    }

    @Test
    void calendarQuarters_fromAMidQuarterStart_R8() {
        Allocation allocation = allocate(manualExample(LocalDate.of(2025, 2, 15), LocalDate.of(2025, 9, 30),
                PeriodKind.QUARTER));

        // 45 of the 90 days of Q1 2025
        assertThat(allocation.periods()).extracting(AllocatedPeriod::start, AllocatedPeriod::amountCents)
                .containsExactly(
                        tuple(LocalDate.of(2025, 2, 15), 5_000_000L),
                        tuple(LocalDate.of(2025, 4, 1), 10_000_000L),
                        tuple(LocalDate.of(2025, 7, 1), 10_000_000L));
    }

    @Test
    void calendarMonths_aOneDayContractGetsOneDayOfItsMonth_R8() {
        Allocation allocation = allocate(manualExample(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10), PeriodKind.MONTH));

        // 10,000,000 x 1/28 = 357,142.86
        assertThat(allocation.periods()).extracting(AllocatedPeriod::start, AllocatedPeriod::end, AllocatedPeriod::amountCents)
                .containsExactly(tuple(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10), 357_143L));
    }

    private static Allocation allocate(ContractTerms terms) {
        MarketShareOutcome shares = MarketShareCalculator.fromCounts(terms.insurers(), terms.serviceArea(),
                PostcodeLevel.PC4, exampleCounts(), CountSource.TRUSTED_THIRD_PARTY, REFERENCE_DATE);
        return Allocator.allocate(terms, shares);
    }
}
