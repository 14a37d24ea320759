package nl.bdss.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What must hold for every IBAN: valid ones are generated for countries of several lengths, their check digits
 * computed here with {@link BigInteger} (the whole number at once, not the kernel's digit-by-digit remainder), so the
 * oracle is independent of the code under test.
 */
class IbanProperties {

    /** Country and registered length (ISO 13616 registry), copied by hand: NL 18, BE 16, NO 15, DE 22, FR 27, MT 31. */
    private static final List<String[]> COUNTRIES = List.of(new String[] {"NL", "18"}, new String[] {"BE", "16"},
            new String[] {"NO", "15"}, new String[] {"DE", "22"}, new String[] {"FR", "27"}, new String[] {"MT", "31"});
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    @Provide
    Arbitrary<String> validIbans() {
        return Arbitraries.of(COUNTRIES).flatMap(country -> {
            int bbanLength = Integer.parseInt(country[1]) - 4;
            Arbitrary<String> bban = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z')
                    .ofLength(bbanLength);
            return bban.map(account -> withCheckDigits(country[0], account));
        });
    }

    /** ISO 7064 MOD 97-10 the textbook way: 98 minus the remainder of BBAN + country + 00 as one number. */
    private static String withCheckDigits(String country, String bban) {
        BigInteger number = new BigInteger(numeric(bban + country + "00"));
        int check = 98 - number.mod(NINETY_SEVEN).intValue();
        return country + String.format("%02d", check) + bban;
    }

    private static String numeric(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return digits.toString();
    }

    @Property
    void aGeneratedIban_isValid_andItsValueIsItself(@ForAll("validIbans") String iban) {
        assertThat(Iban.whyInvalid(iban)).isEmpty();
        assertThat(Iban.of(iban).value()).isEqualTo(iban);
    }

    @Property
    void oneDigitChanged_isRefused(@ForAll("validIbans") String iban, @ForAll @IntRange(min = 0, max = 40) int pick,
            @ForAll @IntRange(min = 1, max = 9) int by) {
        // the digits after the country code: the check digits and the BBAN's digits
        List<Integer> digitPositions = IntStream.range(2, iban.length())
                .filter(i -> Character.isDigit(iban.charAt(i))).boxed().toList();
        int position = digitPositions.get(pick % digitPositions.size());
        char changed = (char) ('0' + (iban.charAt(position) - '0' + by) % 10);
        String mistyped = iban.substring(0, position) + changed + iban.substring(position + 1);

        assertThat(mistyped).isNotEqualTo(iban);
        assertThat(Iban.isValid(mistyped)).as(mistyped).isFalse();
    }

    @Property
    void spacesAndCase_doNotMatter(@ForAll("validIbans") String iban, @ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder written = new StringBuilder();
        for (char c : iban.toCharArray()) {
            if (random.nextInt(4) == 0) {
                written.append(' ');
            }
            written.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
        }

        assertThat(Iban.of(written.toString())).isEqualTo(Iban.of(iban));
        assertThat(Iban.of(written.toString()).value()).isEqualTo(iban);
    }

    @Property
    void theFormattedForm_isGroupsOfFour_andReadsBackAsTheSameIban(@ForAll("validIbans") String iban) {
        String formatted = Iban.of(iban).formatted();
        String[] groups = formatted.split(" ");

        for (int i = 0; i < groups.length - 1; i++) {
            assertThat(groups[i]).hasSize(4);
        }
        assertThat(groups[groups.length - 1].length()).isBetween(1, 4);
        assertThat(String.join("", groups)).isEqualTo(iban);
        assertThat(Iban.of(formatted).value()).isEqualTo(iban);
    }

    @Property
    void aCharacterMoreOrLess_isRefusedForTheCountrysLength(@ForAll("validIbans") String iban,
            @ForAll @IntRange(min = 0, max = 9) int digit) {
        assertThat(Iban.whyInvalid(iban + digit)).hasValueSatisfying(why -> assertThat(why).contains("characters"));
        assertThat(Iban.whyInvalid(iban.substring(0, iban.length() - 1)))
                .hasValueSatisfying(why -> assertThat(why).contains("characters"));
    }

    @Property
    void twoNeighbouringDifferentDigitsSwapped_areRefused(@ForAll("validIbans") String iban,
            @ForAll @IntRange(min = 0, max = 40) int pick) {
        List<Integer> pairs = IntStream.range(4, iban.length() - 1)
                .filter(i -> Character.isDigit(iban.charAt(i)) && Character.isDigit(iban.charAt(i + 1))
                        && iban.charAt(i) != iban.charAt(i + 1))
                .boxed().toList();
        if (pairs.isEmpty()) {
            return;
        }
        int i = pairs.get(pick % pairs.size());
        String swapped = iban.substring(0, i) + iban.charAt(i + 1) + iban.charAt(i) + iban.substring(i + 2);

        assertThat(Iban.isValid(swapped)).as(swapped).isFalse();
    }
}
