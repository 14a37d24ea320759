package nl.bdss.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IBAN and BIC by known examples, each remainder worked out by hand below. */
class BankIdentifiersTest {

    /**
     * NL91ABNA0417164300, rearranged ABNA0417164300NL91, letters as numbers (A 10, B 11, N 23, L 21):
     * 10 11 23 10 0417164300 23 21 91 = 101123100417164300232191. Mod 97 in pieces:
     * 101123100 mod 97 = 18 (97 x 1,042,506 = 101,123,082); 18 4171643 mod 97 = 71 (97 x 1,898,676 = 184,171,572);
     * 71 0023219 mod 97 = 0 (97 x 7,319,827 = 710,023,219); 00 1 mod 97 = 1. Remainder 1: valid.
     */
    @Test
    void theRegistrysDutchExample_isValid_inEveryWritingOfIt() {
        for (String raw : new String[] {"NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300",
                " nl91 ABNA 0417164300 ", "NL9 1AB NA04171 64300"}) {
            Iban iban = Iban.of(raw);
            assertThat(iban.value()).as(raw).isEqualTo("NL91ABNA0417164300");
            assertThat(iban.formatted()).isEqualTo("NL91 ABNA 0417 1643 00");
            assertThat(iban.countryCode()).isEqualTo("NL");
        }
    }

    /**
     * Belgium, 16 characters: BE68539007547034 rearranged 539007547034 11 14 68 = 539007547034111468;
     * 539007547 mod 97 = 81 (97 x 5,556,778 = 539,007,466); 81 0341114 mod 97 = 10 (97 x 8,354,032 = 810,341,104);
     * 10 68 mod 97 = 1 (97 x 11 = 1,067). The others are the registry's published examples of their country.
     */
    @ParameterizedTest
    @ValueSource(strings = {"BE68539007547034", "DE89370400440532013000", "GB29NWBK60161331926819",
            "FR1420041010050500013M02606", "NO9386011117947", "MT84MALT011000012345MTLCAST001S"})
    void theRegistrysExamplesOfOtherSepaCountries_areValid(String registryExample) {
        assertThat(Iban.isValid(registryExample)).isTrue();
        assertThat(Iban.of(registryExample).value()).isEqualTo(registryExample);
    }

    /**
     * The last digit 0 becoming 1 adds 1 x 10^6 to the rearranged number (six digits, 232191, follow it):
     * 10^2 = 100 = 3 (mod 97), so 10^6 = 3^3 = 27, and the remainder is 1 + 27 = 28, not 1.
     */
    @Test
    void oneDigitChanged_failsTheCheckDigits() {
        assertThat(Iban.whyInvalid("NL91ABNA0417164301")).hasValueSatisfying(
                why -> assertThat(why).contains("check digits 91").contains("MOD 97-10"));
        assertThatIllegalArgumentException().isThrownBy(() -> Iban.of("NL91ABNA0417164301"))
                .withMessageContaining("check digits");
    }

    @Test
    void aDutchIbanOfSeventeenOrNineteenCharacters_isRefusedForItsLength() {
        assertThat(Iban.whyInvalid("NL91ABNA041716430")).hasValue(
                "an IBAN of country NL has 18 characters, this one has 17");
        assertThat(Iban.whyInvalid("NL91ABNA04171643000")).hasValue(
                "an IBAN of country NL has 18 characters, this one has 19");
        // a valid German IBAN has 22: with NL in front it is refused for its length before any check digit is read
        assertThat(Iban.whyInvalid("NL89370400440532013000")).hasValueSatisfying(
                why -> assertThat(why).contains("NL has 18"));
    }

    @Test
    void wrongCharacters_unknownCountries_andMissingCheckDigits_areRefusedWithTheirReason() {
        assertThat(Iban.whyInvalid("NL91-ABNA-0417-1643-00")).hasValueSatisfying(
                why -> assertThat(why).contains("'-' at position 5"));
        assertThat(Iban.whyInvalid("NL91ABNA041716430é")).hasValueSatisfying(why -> assertThat(why).contains("'é'"));
        assertThat(Iban.whyInvalid("XX91ABNA0417164300")).hasValueSatisfying(
                why -> assertThat(why).contains("XX is not"));
        assertThat(Iban.whyInvalid("NLAB91ABNA04171643")).hasValueSatisfying(
                why -> assertThat(why).contains("two check digits"));
        assertThat(Iban.whyInvalid("91NLABNA0417164300")).hasValueSatisfying(
                why -> assertThat(why).contains("two-letter country code"));
        assertThat(Iban.whyInvalid("")).hasValueSatisfying(why -> assertThat(why).contains("required"));
        assertThat(Iban.whyInvalid("   ")).hasValueSatisfying(why -> assertThat(why).contains("required"));
        assertThat(Iban.whyInvalid(null)).hasValueSatisfying(why -> assertThat(why).contains("required"));
        assertThat(Iban.parse("NL91ABNA0417164301")).isEmpty();
    }

    /**
     * Check digits 00, 01 and 99 are never issued (98 minus a remainder 0 to 96 gives 02 to 98). NL02ABNA0123456789
     * is valid (rearranged 101123100123456789232102: 101123100 = 18; 18 1234567 = 181234567 - 97 x 1,868,397 =
     * 181,234,567 - 181,234,509 = 58; 58 8923210 = 588923210 - 97 x 6,071,373 = 588,923,210 - 588,923,181 = 29;
     * 29 2 = 292 - 291 = 1); 99 = 02 + 97 leaves the same remainder 1, and is refused all the same.
     */
    @Test
    void checkDigits99_areRefused_thoughTheyLeaveRemainderOne() {
        assertThat(Iban.isValid("NL02ABNA0123456789")).isTrue();
        assertThat(Iban.whyInvalid("NL99ABNA0123456789")).hasValue("an IBAN's check digits are 02 to 98, never 99");
    }

    @Test
    void theConstructorTakesTheElectronicFormOnly() {
        assertThat(new Iban("NL91ABNA0417164300").toString()).isEqualTo("NL91ABNA0417164300");
        assertThatIllegalArgumentException().isThrownBy(() -> new Iban("NL91 ABNA 0417 1643 00"));
        assertThat(Iban.lengthOf("NL")).hasValue(18);
        assertThat(Iban.lengthOf("US")).isEmpty();
    }

    @Test
    void aBic_hasEightOrElevenCharacters_bankAndCountryLetters_locationAndBranchAlphanumeric() {
        assertThat(Bic.of("ABNANL2A").value()).isEqualTo("ABNANL2A");
        assertThat(Bic.of(" abnanl2axxx ").value()).isEqualTo("ABNANL2AXXX");
        assertThat(Bic.of("INGBNL2A").bankCode()).isEqualTo("INGB");
        assertThat(Bic.of("RABONL2U").countryCode()).isEqualTo("NL");
        assertThat(Bic.isValid("DEUTDEFF500")).isTrue();

        assertThat(Bic.whyInvalid("ABNANL2")).hasValueSatisfying(why -> assertThat(why).contains("8 or 11"));
        assertThat(Bic.whyInvalid("ABNANL2AXX")).hasValueSatisfying(why -> assertThat(why).contains("8 or 11"));
        assertThat(Bic.whyInvalid("ABN1NL2A")).hasValueSatisfying(why -> assertThat(why).contains("4 letters"));
        assertThat(Bic.whyInvalid("ABNAN12A")).hasValueSatisfying(why -> assertThat(why).contains("2 for the country"));
        assertThat(Bic.whyInvalid("ABNANL2-")).hasValueSatisfying(why -> assertThat(why).contains("location"));
        assertThat(Bic.whyInvalid("ABNANL2AX-X")).hasValueSatisfying(why -> assertThat(why).contains("branch"));
        assertThat(Bic.whyInvalid(null)).isPresent();
        assertThatIllegalArgumentException().isThrownBy(() -> new Bic("abnanl2a"));
    }
}
