package nl.bdss.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void anInsurersTopicsAreNamedByItsUzovi_underThePrefix() {
        assertThat(Topics.insurerEntries("3311").name()).isEqualTo(Topics.INSURER_PREFIX + "3311.entries")
                .isEqualTo("bdss.settlement.insurer.3311.entries");
        assertThat(Topics.insurerPaymentRuns("3343").name()).isEqualTo("bdss.settlement.insurer.3343.payment-runs");
        assertThat(Topics.insurerEntries("3311").valueSubject()).isEqualTo("bdss.settlement.insurer.3311.entries-value");
    }

    /**
     * The copies carry the all-insurer topics' value types, so the released versions SchemaEvolutionTest checks for
     * those subjects are the history of the per-insurer subjects as well.
     */
    @Test
    void anInsurersTopicsCarryTheValueTypesOfTheAllInsurerTopics() {
        assertThat(Topics.insurerEntries("3311").valueType()).isEqualTo(Topics.SETTLEMENTS.valueType());
        assertThat(Topics.insurerPaymentRuns("3311").valueType()).isEqualTo(Topics.PAYMENT_RUNS.valueType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"331", "33111", "33a1", " 3311", ""})
    void aTopicForAnInvalidUzoviCannotBeNamed_R1(String uzovi) {
        assertThatThrownBy(() -> Topics.insurerEntries(uzovi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UZOVI");
        assertThatThrownBy(() -> Topics.insurerPaymentRuns(uzovi)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byNameFindsTheAllInsurerAndThePerInsurerTopics() {
        assertThat(Topics.byName("bdss.settlement.entries")).isSameAs(Topics.SETTLEMENTS);
        assertThat(Topics.byName("bdss.settlement.insurer.3311.entries")).isEqualTo(Topics.insurerEntries("3311"));
        assertThat(Topics.byName("bdss.settlement.insurer.3343.payment-runs"))
                .isEqualTo(Topics.insurerPaymentRuns("3343"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bdss.settlement.insurer.3311", "bdss.settlement.insurer.3311.service-years",
            "bdss.settlement.insurer.331.entries", "bdss.settlement.insurer..entries", "bdss.unknown"})
    void byNameRefusesANameOutsideTheCatalogue(String name) {
        assertThatThrownBy(() -> Topics.byName(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void theAllInsurerCatalogueHasNoPerInsurerTopic() {
        assertThat(Topics.ALL).noneMatch(topic -> topic.name().startsWith(Topics.INSURER_PREFIX));
    }
}
