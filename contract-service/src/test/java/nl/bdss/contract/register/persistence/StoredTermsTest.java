package nl.bdss.contract.register.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.contract.register.domain.ContractTerms;
import nl.bdss.contract.register.domain.ExecutionModelType;
import nl.bdss.contract.register.domain.Finding;
import nl.bdss.contract.register.domain.LegalDomain;
import nl.bdss.contract.register.domain.PurchasingType;
import nl.bdss.contract.register.domain.ReferenceDateRule;
import nl.bdss.contract.register.domain.ZvwSector;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Money;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.kernel.time.PeriodKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Versions stored before the terms were value objects read back unchanged, and new versions are stored alike. */
class StoredTermsTest {

    /**
     * A row as the register has stored it: equal partners, a PC6 postcode, no market share, no GP, no quality; shares
     * by domain and sector in the order of those enums, as the document was read.
     */
    private static final String EQUAL_PARTNERS_ROW = "{\"reference\":\"R-1\",\"title\":\"Wijkzorg Oost\","
            + "\"validFrom\":\"2025-01-01\",\"validUntil\":\"2029-05-01\","
            + "\"insurers\":[{\"uzovi\":\"3311\",\"name\":\"Zorgverzekeraar A\"}],"
            + "\"parties\":[{\"key\":\"wijk-a\",\"name\":\"Wijkzorg A\",\"domain\":\"ZVW\",\"sector\":\"WIJKVERPLEGING\",\"agb\":\"75750123\"},"
            + "{\"key\":\"wijk-b\",\"name\":\"Wijkzorg B\",\"domain\":\"ZVW\",\"sector\":\"WIJKVERPLEGING\",\"agb\":\"75750124\"},"
            + "{\"key\":\"welzijn\",\"name\":\"Welzijn\",\"domain\":\"WMO\"}],"
            + "\"targetGroup\":{\"description\":\"Ouderen\",\"characteristics\":[\"75+\"],\"serviceAreaPostcodes\":[\"1011AB\",\"1012\"]},"
            + "\"activities\":[{\"description\":\"Wijkoverleg\",\"justification\":\"Minder opnames\"}],"
            + "\"budget\":{\"lumpSumCents\":1200000,\"period\":\"QUARTER\",\"domainSharesBasisPoints\":{\"ZVW\":7500,\"WMO\":2500},"
            + "\"zvwSectorSharesBasisPoints\":{\"WIJKVERPLEGING\":10000}},"
            + "\"executionModel\":{\"type\":\"EQUAL_PARTNERS\",\"partnerSharesBasisPoints\":{\"wijk-a\":6000,\"wijk-b\":4000}},"
            + "\"purchasing\":{\"type\":\"SINGLE\"},\"paymentTiming\":\"IN_ARREARS\","
            + "\"attestations\":{\"zvwCareNeedEstablished\":true,\"coordinationRequiredForComplexity\":true,"
            + "\"noDoubleFunding\":true,\"doubleFundingMeasure\":\"Geen O&I\"},"
            + "\"agreements\":{\"claimsProcess\":\"Per kwartaal achteraf\",\"informationExchange\":\"Kwartaalrapportage\","
            + "\"evaluation\":\"Jaarlijks\",\"controlMeasures\":\"Steekproef\"}}";

    private final StoredTerms stored = new StoredTerms(JsonMapper.builder().build());

    @Test
    void readsAStoredRow_asTheTermsItWasAcceptedWith_evenAValidityTheRulesNowRefuse() {
        ContractTerms terms = stored.read(EQUAL_PARTNERS_ROW);

        assertThat(terms).isEqualTo(new ContractTerms("R-1", "Wijkzorg Oost",
                new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2029, 5, 1)),
                List.of(new ContractTerms.Insurer(new Uzovi("3311"), "Zorgverzekeraar A")),
                List.of(new ContractTerms.Party("wijk-a", "Wijkzorg A", LegalDomain.ZVW, new ZvwSector("WIJKVERPLEGING"),
                                new AgbCode("75750123")),
                        new ContractTerms.Party("wijk-b", "Wijkzorg B", LegalDomain.ZVW, new ZvwSector("WIJKVERPLEGING"),
                                new AgbCode("75750124")),
                        new ContractTerms.Party("welzijn", "Welzijn", LegalDomain.WMO, null, null)),
                new ContractTerms.TargetGroup("Ouderen", List.of("75+"), List.of(new Postcode("1011AB"), new Postcode("1012"))),
                List.of(new ContractTerms.Activity("Wijkoverleg", "Minder opnames")),
                new ContractTerms.Budget(Money.ofCents(1_200_000), PeriodKind.QUARTER,
                        inOrder(LegalDomain.ZVW, new BasisPoints(7500), LegalDomain.WMO, new BasisPoints(2500)),
                        inOrder(new ZvwSector("WIJKVERPLEGING"), new BasisPoints(10_000))),
                new ContractTerms.ExecutionModel(ExecutionModelType.EQUAL_PARTNERS, null,
                        inOrder("wijk-a", new BasisPoints(6000), "wijk-b", new BasisPoints(4000))),
                new ContractTerms.Purchasing(PurchasingType.SINGLE, null),
                PaymentTiming.IN_ARREARS,
                new ContractTerms.Attestations(true, true, true, "Geen O&I", null),
                new ContractTerms.Agreements("Per kwartaal achteraf", "Kwartaalrapportage", "Jaarlijks", "Steekproef", null)));
    }

    @Test
    void writesTermsInTheShapeRowsAlwaysHad() {
        assertThat(stored.write(stored.read(EQUAL_PARTNERS_ROW))).isEqualTo(EQUAL_PARTNERS_ROW);
    }

    @Test
    void storesTheManualExample_asTheDocumentReads_mainContractorWithoutPartnerShares() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        String example = manualExample();

        ContractTerms terms = stored.read(example);

        assertThat(terms.executionModel().partnerShares()).isEmpty();
        assertThat(terms.purchasing().marketShare().referenceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(json.readTree(stored.write(terms))).isEqualTo(json.readTree(example));
    }

    @Test
    void storesReferenceDatesPerYear_aRule_andAHybridMeeting_andReadsThemBack() {
        String row = EQUAL_PARTNERS_ROW
                .replace("\"activities\":[{\"description\":\"Wijkoverleg\",\"justification\":\"Minder opnames\"}]",
                        "\"activities\":[{\"description\":\"Wijkoverleg\",\"justification\":\"Minder opnames\","
                                + "\"hybridMeeting\":true,\"onlyGroupBoundCoordinationPaid\":true,"
                                + "\"groupBoundPartDetermination\":\"agendatijd\"}]")
                .replace("\"purchasing\":{\"type\":\"SINGLE\"}", "\"purchasing\":{\"type\":\"COORDINATED\",\"marketShare\":"
                        + "{\"basis\":\"INSURED_COUNT_IN_SERVICE_AREA\",\"source\":\"INSURERS\","
                        + "\"referenceDates\":{\"2025\":\"2025-03-01\",\"2026\":\"2026-03-01\"},"
                        + "\"referenceDateRule\":\"FIRST_OF_JANUARY\"}}");

        ContractTerms terms = stored.read(row);

        assertThat(terms.purchasing().marketShare().referenceDate()).isNull();
        assertThat(terms.purchasing().marketShare().referenceDates()).containsExactly(
                Map.entry(2025, LocalDate.of(2025, 3, 1)), Map.entry(2026, LocalDate.of(2026, 3, 1)));
        assertThat(terms.purchasing().marketShare().referenceDateRule()).isEqualTo(ReferenceDateRule.FIRST_OF_JANUARY);
        assertThat(terms.activities().get(0)).isEqualTo(
                new ContractTerms.Activity("Wijkoverleg", "Minder opnames", true, true, "agendatijd"));
        assertThat(stored.write(terms)).isEqualTo(row);
    }

    @Test
    void storesFindingsWithFieldRuleAndMessage() {
        List<Finding> warnings = List.of(new Finding("validFrom", "R14", "R14: validity starts before 2025-01-01"));

        String json = stored.writeFindings(warnings);

        assertThat(json).isEqualTo("[{\"field\":\"validFrom\",\"rule\":\"R14\",\"message\":\"R14: validity starts before 2025-01-01\"}]");
        assertThat(stored.readFindings(json)).isEqualTo(warnings);
    }

    private static String manualExample() throws IOException {
        try (InputStream in = StoredTermsTest.class.getResourceAsStream("/examples/contract-manual-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static <K> Map<K, BasisPoints> inOrder(Object... keysAndShares) {
        Map<K, BasisPoints> shares = new LinkedHashMap<>();
        for (int i = 0; i < keysAndShares.length; i += 2) {
            shares.put((K) keysAndShares[i], (BasisPoints) keysAndShares[i + 1]);
        }
        return shares;
    }
}
