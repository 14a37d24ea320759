package nl.bdss.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsSubtractsAndFormatsExactly() {
        Money lumpSum = Money.ofEuros(100_000);

        assertThat(lumpSum.cents()).isEqualTo(10_000_000L);
        assertThat(lumpSum.minus(Money.ofCents(5)).toPlainEuros()).isEqualTo("99999.95");
        assertThat(Money.sum(List.of(Money.ofCents(1), Money.ofCents(-6)))).isEqualTo(Money.ofCents(-5));
        assertThat(Money.ofCents(-5).toString()).isEqualTo("EUR -0.05");
    }

    /** EUR 84,000.00 is 8,400,000 cents both ways; 0.001 euro is no amount of cents. */
    @Test
    void euroDecimalsOfPaymentFiles_areExactlyTheCents() {
        assertThat(Money.ofCents(8_400_000).toEuros()).isEqualByComparingTo("84000.00").hasToString("84000.00");
        assertThat(Money.ofCents(5).toEuros()).hasToString("0.05");
        assertThat(Money.ofEuros(new java.math.BigDecimal("84000.00"))).isEqualTo(Money.ofCents(8_400_000));
        assertThat(Money.ofEuros(new java.math.BigDecimal("12.3"))).isEqualTo(Money.ofCents(1_230));
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.ofEuros(new java.math.BigDecimal("0.001")));
    }

    @Test
    void overflowThrowsInsteadOfWrappingAround() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1)));
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.ofCents(Long.MIN_VALUE).negate());
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.ofEuros(Long.MAX_VALUE / 10));
    }

    @Test
    void basisPointsLieBetweenNothingAndTheWhole_R7() {
        assertThat(BasisPoints.addUpToWhole(List.of(BasisPoints.of(1_000), BasisPoints.of(2_000), BasisPoints.of(7_000)))).isTrue();
        assertThat(BasisPoints.addUpToWhole(List.of(BasisPoints.of(5_000), BasisPoints.of(4_999)))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> BasisPoints.of(10_001));
        assertThatIllegalArgumentException().isThrownBy(() -> BasisPoints.of(-1));
    }
}
