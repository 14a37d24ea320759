package nl.bdss.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"1011 ab", "1011AB", "1011ab", " 1011 AB ", "1011 aB"})
    void normalisesAPc6ToUpperCaseWithoutSpace_R6(String raw) {
        assertThat(Postcode.of(raw).value()).isEqualTo("1011AB");
        assertThat(Postcode.of(raw).level()).isEqualTo(PostcodeLevel.PC6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123", "123", "12345", "1011 SA", "1011sd", "1011SS", "1011  AB", "1011-AB", "10A1", "", "1011A"})
    void refusesWhatIsNoDutchPostcode_R6(String raw) {
        assertThat(Postcode.parse(raw)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Postcode.of(raw));
    }

    @Test
    void aPc4AreaContainsAndOverlapsItsPc6Postcodes() {
        Postcode area = Postcode.of("1011");
        Postcode street = Postcode.of("1011AB");

        assertThat(area.pc4Area()).isTrue();
        assertThat(area.contains(street)).isTrue();
        assertThat(street.contains(area)).isFalse();
        assertThat(street.overlaps(area)).isTrue();
        assertThat(street.overlaps(Postcode.of("1011AC"))).isFalse();
        assertThat(street.pc4()).isEqualTo("1011");
    }

    @Test
    void uzoviHasFourDigitsAndAgbEight_R1() {
        assertThat(Uzovi.of(" 3311 ").code()).isEqualTo("3311");
        assertThat(Uzovi.isValid("331")).isFalse();
        assertThat(Uzovi.isValid("33a1")).isFalse();
        assertThat(AgbCode.of("01234567").code()).isEqualTo("01234567");
        assertThat(AgbCode.isValid("1234567")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Uzovi("33111")).withMessageContaining("4 digits");
        assertThatIllegalArgumentException().isThrownBy(() -> new AgbCode(null)).withMessageContaining("8 digits");
    }
}
