package nl.bdss.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentRunScenarioTest {

    /** ISO 13616's own Dutch example NL20INGB0001234567, and the 98 - (n mod 97) rule for another account. */
    @Test
    void theHarnessesAccounts_carryTheCheckDigitsOfIso13616() {
        assertThat(PaymentRunScenario.dutchIban(1_234_567)).isEqualTo("NL20INGB0001234567");
        // INGB0000000001 + NL00 as digits: 182316110000000001232100, mod 97 = 70, check digits 98 - 70 = 28
        assertThat(PaymentRunScenario.dutchIban(1)).isEqualTo("NL28INGB0000000001");
    }
}
