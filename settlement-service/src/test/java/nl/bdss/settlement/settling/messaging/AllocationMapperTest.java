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
}
