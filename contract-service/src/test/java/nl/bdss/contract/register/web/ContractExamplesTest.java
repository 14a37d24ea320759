package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import nl.bdss.contract.register.domain.ContractRules;
import nl.bdss.kernel.time.ExperimentWindow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI examples are the shared manual example and an amendment of it that the rules accept. */
class ContractExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractRules RULES = new ContractRules(ExperimentWindow.NZA_2024);

    @Test
    void theRegistrationExample_isTheSharedManualExample() throws IOException {
        try (InputStream in = ContractExamplesTest.class.getResourceAsStream("/examples/contract-manual-example.json")) {
            String shared = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(JSON.readTree(ContractExamples.MANUAL_EXAMPLE)).isEqualTo(JSON.readTree(shared));
        }
    }

    @Test
    void theAmendmentExample_raisesTheLumpSumFrom2026_andPassesTheRules() {
        AmendmentRequest amendment = JSON.readValue(ContractExamples.AMENDMENT, AmendmentRequest.class);

        assertThat(amendment.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(amendment.contract().budget().lumpSumCents()).isEqualTo(12_000_000L);
        assertThat(RULES.check(amendment.contract(), SECTORS).violations()).isEmpty();
    }

    @Test
    void theYearlyExample_namesADatePerYear_andAHybridMeeting_andPassesTheRules_R11_R13() {
        ContractDocumentJson document = JSON.readValue(ContractExamples.YEARLY_REFERENCE_DATES, ContractDocumentJson.class);

        assertThat(document.purchasing().marketShare().referenceDate()).isNull();
        assertThat(document.purchasing().marketShare().referenceDates()).containsOnlyKeys("2025", "2026");
        assertThat(document.activities().get(0).hybridMeeting()).isTrue();
        assertThat(RULES.check(document, SECTORS).violations()).isEmpty();
    }

    @Test
    void theTerminationExample_endsOnTheLastDayOf2025() {
        assertThat(JSON.readValue(ContractExamples.TERMINATION, TerminationRequest.class).endDate())
                .isEqualTo(LocalDate.of(2025, 12, 31));
    }
}
