package nl.bdss.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VatTest {

    @Test
    void theVatPartOfAnAmountIncludingVat() {
        assertThat(Vat.included(2100).partOf(121_000L)).isEqualTo(21_000L);
        assertThat(Vat.included(900).partOf(10_900L)).isEqualTo(900L);
        assertThat(Vat.included(2100).netOf(121_000L)).isEqualTo(100_000L);
    }

    @Test
    void roundedOnceHalfAwayFromZero() {
        // 10,000 x 2100 / 12100 = 1,735.54
        assertThat(Vat.included(2100).partOf(10_000L)).isEqualTo(1_736L);
        assertThat(Vat.included(2100).partOf(-10_000L)).isEqualTo(-1_736L);
        // 605 x 2100 / 12100 = 105 exactly; 5 x 2100 / 12100 = 0.87
        assertThat(Vat.included(2100).partOf(605L)).isEqualTo(105L);
        assertThat(Vat.included(2100).partOf(5L)).isEqualTo(1L);
    }

    @Test
    void exemptHasNoVatPart() {
        assertThat(Vat.EXEMPT.partOf(8_400_000L)).isZero();
        assertThat(Vat.EXEMPT.netOf(8_400_000L)).isEqualTo(8_400_000L);
    }

    @Test
    void aCorrectionsVatPartKeepsTheTotalExact() {
        // 121,000 booked with 21,000 VAT, lowered to 60,500 (VAT 10,500): the correction carries -10,500
        assertThat(Vat.included(2100).correctionPart(60_500L, 21_000L)).isEqualTo(-10_500L);
        // two halves of 10,000 each would carry 1,736 twice; corrected to 20,000 the total VAT is 3,471
        assertThat(Vat.included(2100).correctionPart(20_000L, 1_736L)).isEqualTo(1_735L);
    }

    @Test
    void aRateIsBetweenOneBasisPointAndTheWhole() {
        assertThatThrownBy(() -> Vat.included(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vat.included(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vat(Vat.Treatment.EXEMPT, 2100)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Vat.isValidRate(2100)).isTrue();
    }
}
