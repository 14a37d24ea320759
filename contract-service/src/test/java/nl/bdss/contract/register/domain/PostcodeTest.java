package nl.bdss.contract.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

    @ParameterizedTest
    @CsvSource({"1011,1011", "1011AB,1011AB", "1011 AB,1011AB", "9999ZZ,9999ZZ"})
    void acceptsPc4AndPc6_normalisedWithoutSpace_R6(String text, String normalised) {
        assertThat(Postcode.parse(text)).map(Postcode::value).contains(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123", "101", "10111", "1011ab", "1011  AB", "1011SA", "1011 SD", "1011SS", "AB1011", ""})
    void refusesWhatIsNoDutchPostcode_R6(String text) {
        assertThat(Postcode.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1011,1011AB,true", "1011AB,1011AB,true", "1011AB,1011AC,false", "1011,1012,false", "1011AB,1011,true"})
    void overlapsWhenEqualOrInsideThePc4(String a, String b, boolean overlap) {
        assertThat(new Postcode(a).overlaps(new Postcode(b))).isEqualTo(overlap);
    }
}
