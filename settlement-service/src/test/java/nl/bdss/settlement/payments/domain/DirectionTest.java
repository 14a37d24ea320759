package nl.bdss.settlement.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectionTest {

    @Test
    void aPositiveEntryIsPaidByTheInsurer_PAIDByDefault() {
        assertThat(Direction.of(2_100_000L)).isEqualTo(Direction.PAYABLE);
        assertThat(Direction.PAYABLE.acknowledgedAs(null)).isEqualTo(PaymentStatus.PAID);
        assertThat(Direction.PAYABLE.acknowledgedAs(PaymentStatus.PAID)).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aPositiveEntryCannotBeAcknowledgedAsOffsetOrRefunded() {
        assertThatThrownBy(() -> Direction.PAYABLE.acknowledgedAs(PaymentStatus.OFFSET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PAID");
        assertThatThrownBy(() -> Direction.PAYABLE.acknowledgedAs(PaymentStatus.REFUNDED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCreditIsNeverPaid_itIsOffsetOrRefundedAndMustSayWhich() {
        assertThat(Direction.of(-280_000L)).isEqualTo(Direction.CREDIT);
        assertThat(Direction.CREDIT.acknowledgedAs(PaymentStatus.OFFSET)).isEqualTo(PaymentStatus.OFFSET);
        assertThat(Direction.CREDIT.acknowledgedAs(PaymentStatus.REFUNDED)).isEqualTo(PaymentStatus.REFUNDED);
        assertThatThrownBy(() -> Direction.CREDIT.acknowledgedAs(PaymentStatus.PAID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never paid");
        assertThatThrownBy(() -> Direction.CREDIT.acknowledgedAs(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OFFSET or REFUNDED");
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThatThrownBy(() -> PaymentStatus.parse("SETTLED")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPEN, PAID, OFFSET, REFUNDED");
    }
}
