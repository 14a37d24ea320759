package nl.bdss.settlement.settling.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.settlement.settling.application.AllocationReceived;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;
import nl.bdss.settlement.settling.domain.PayableLine;
import org.junit.jupiter.api.Test;

class AllocationMapperTest {

    @Test
    void keepsOnlyTheZvwLines_otherDomainsAreNeverPaidByInsurers_R7() {
        AllocationReceived received = AllocationMapper.toCommand(ManualExampleEvents.allocation("c1").build());

        assertThat(received.periods()).hasSize(2);
        assertThat(received.periods()).allSatisfy(period -> {
            assertThat(period.lines()).hasSize(4);
            assertThat(period.payableCents()).isEqualTo(7_000_000L);
        });
        assertThat(received.periods().get(0).lines()).extracting(PayableLine::payeePartyKey).containsOnly("hap-west");
    }

    @Test
    void aPendingAllocationCarriesNothingPayable() {
        AllocationCalculated pending = ManualExampleEvents.allocation("c1").build();
        pending.setStatus(AllocationStatus.PENDING);

        AllocationReceived received = AllocationMapper.toCommand(pending);

        assertThat(received.complete()).isFalse();
        assertThat(received.periods()).isEmpty();
        assertThat(received.periods().stream().mapToLong(AllocatedPeriod::payableCents).sum()).isZero();
    }

    @Test
    void refusesAZvwLineWithoutAValidPayeeAgb() {
        AllocationCalculated invalid = ManualExampleEvents.allocation("c1").build();
        invalid.getPeriods().get(1).getLines().get(3).setPayeeAgb(null);

        assertThatThrownBy(() -> AllocationMapper.toCommand(invalid))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payeeAgb");
    }

    @Test
    void keepsTheCountsBehindTheAllocationForRiskEqualisation_R19() {
        AllocationReceived received = AllocationMapper.toCommand(ManualExampleEvents.allocation("c1")
                .setServiceAreaCounts(ManualExampleEvents.serviceAreaCounts()).build());

        assertThat(received.serviceAreaCounts()).hasSize(10)
                .contains(new nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount("3343", "1016", 800L));
        assertThat(AllocationMapper.toCommand(ManualExampleEvents.allocation("c1").build()).serviceAreaCounts()).isEmpty();
    }

    @Test
    void withPerYearShares_theCompleteYearsArePayable_evenWhenTheAllocationIsPending_andThePendingYearIsNamed() {
        AllocationCalculated event = ManualExampleEvents.allocation("c1")
                .setStatus(AllocationStatus.PENDING)
                .setPendingReason("no insured counts for reference date 2026-01-01")
                .setPeriods(java.util.List.of(ManualExampleEvents.wholeYear(2025)))
                .setYearShares(java.util.List.of(
                        year(2025, AllocationStatus.COMPLETE, null),
                        year(2026, AllocationStatus.PENDING, "no insured counts for reference date 2026-01-01")))
                .setWarnings(java.util.List.of())
                .build();

        AllocationReceived received = AllocationMapper.toCommand(event);

        assertThat(received.complete()).isFalse();
        assertThat(received.payable()).isTrue();
        assertThat(received.periods()).singleElement()
                .satisfies(period -> assertThat(period.payableCents()).isEqualTo(7_000_000L));
        assertThat(received.pendingYears())
                .containsExactlyEntriesOf(java.util.Map.of(2026, "no insured counts for reference date 2026-01-01"));
    }

    /**
     * Allocation lists the settled periods it kept in a year that is pending (an amendment of the insurers waiting
     * for counts): the year waits as a whole, so its periods are not taken over, only 2025's.
     */
    @Test
    void aPeriodOfAYearListedAsPending_waitsWithItsYear() {
        AllocationCalculated event = ManualExampleEvents.allocation("c1")
                .setStatus(AllocationStatus.PENDING)
                .setYearShares(java.util.List.of(year(2025, AllocationStatus.COMPLETE, null),
                        year(2026, AllocationStatus.PENDING, "missing")))
                .setWarnings(java.util.List.of())
                .build();

        AllocationReceived received = AllocationMapper.toCommand(event);

        assertThat(event.getPeriods()).hasSize(2);
        assertThat(received.periods()).singleElement()
                .satisfies(period -> assertThat(period.period().year()).isEqualTo(2025));
    }

    private static nl.bdss.events.allocation.YearShares year(int year, AllocationStatus status, String reason) {
        return nl.bdss.events.allocation.YearShares.newBuilder()
                .setYear(year)
                .setReferenceDate(java.time.LocalDate.of(year, 1, 1))
                .setDatasetId(status == AllocationStatus.COMPLETE ? "counts-" + year : null)
                .setStatus(status)
                .setPendingReason(reason)
                .setMarketShares(java.util.List.of())
                .setServiceAreaCounts(java.util.List.of())
                .setSettledPeriodsKept(false)
                .build();
    }
}
