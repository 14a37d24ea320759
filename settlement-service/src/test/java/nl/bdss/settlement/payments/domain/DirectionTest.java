package nl.bdss.settlement.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectionTest {

    @Test
    void aPositiveEntryIsPaidByTheInsurer_PAIDByDefault() {
        assertThat(Direction.of(2_100_000L)).isEqualTo(Direction.PAYABLE);
        assertThat(Direction.PAYABLE.acknowledgedAs(null)).contains(PaymentStatus.PAID);
        assertThat(Direction.PAYABLE.acknowledgedAs(PaymentStatus.PAID)).contains(PaymentStatus.PAID);
    }

    @Test
    void aPositiveEntryCannotBeAcknowledgedAsOffsetOrRefunded() {
        assertThat(Direction.PAYABLE.acknowledgedAs(PaymentStatus.OFFSET)).isEmpty();
        assertThat(Direction.PAYABLE.acknowledgedAs(PaymentStatus.REFUNDED)).isEmpty();
        assertThat(Direction.PAYABLE.acknowledgedBy()).isEqualTo("PAID");
    }

    @Test
    void aCreditIsNeverPaid_itIsOffsetOrRefundedAndMustSayWhich() {
        assertThat(Direction.of(-280_000L)).isEqualTo(Direction.CREDIT);
        assertThat(Direction.CREDIT.acknowledgedAs(PaymentStatus.OFFSET)).contains(PaymentStatus.OFFSET);
        assertThat(Direction.CREDIT.acknowledgedAs(PaymentStatus.REFUNDED)).contains(PaymentStatus.REFUNDED);
        assertThat(Direction.CREDIT.acknowledgedAs(PaymentStatus.PAID)).isEmpty();
        assertThat(Direction.CREDIT.acknowledgedAs(null)).isEmpty();
        assertThat(Direction.CREDIT.acknowledgedBy()).contains("OFFSET or REFUNDED", "never paid");
    }

    @Test
    void anOpenStatusAcknowledgesNothing() {
        assertThat(Direction.PAYABLE.acknowledgedAs(PaymentStatus.OPEN)).isEmpty();
        assertThat(Direction.CREDIT.acknowledgedAs(PaymentStatus.OPEN)).isEmpty();
    }

    @Test
    void anEntryOfZeroMovesNoMoney() {
        assertThatThrownBy(() -> Direction.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
