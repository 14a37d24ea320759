package nl.bdss.allocation.split;

import static nl.bdss.allocation.split.AllocationApi.fieldNames;
import static nl.bdss.allocation.split.AllocationApi.json;
import static nl.bdss.allocation.split.AllocationApi.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.contract.TargetGroup;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What an insurer or provider may learn of an allocation (issue 14), with the attack the issue describes: a
 * one-postcode PC6 service area, the "all insurers" basis, a competitor named as co-insurer. An insurer's view holds
 * no other insurer's count and not the non-participants' total; a cell of 7 insureds is suppressed, for the insurer
 * itself too; operators see every figure.
 */
@SpringBootTest(properties = AllocationServiceApplication.CONFIG_NAME, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "allocation")
@UsesTestTokenIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocationPrivacyIT {

    /** Reference dates no other test uses: these datasets are this test's own. */
    private static final LocalDate PLAIN_DATE = LocalDate.of(2034, 6, 1);
    private static final LocalDate SMALL_CELL_DATE = LocalDate.of(2034, 5, 1);
    private static final String ALL_INSURERS = "INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final TestTokenIssuer tokens = TestTokenIssuer.get();
    private AllocationApi api;
    /** 3311 with 1,200 and 3343 with 800 insureds in 1011AB, 500 of insurer 7029 (no party) there too. */
    private String plainContract;
    /** 3311 with 1,200 and 3343 with 7 insureds in 1011AB, 500 of 7029. */
    private String smallCellContract;

    @BeforeAll
    void deliverAndRegister() {
        api = new AllocationApi(port, jdbc);
        api.deliver(tokens.ttp(), PLAIN_DATE, "3311,1011AB,1200", "3343,1011AB,800", "7029,1011AB,500", "3343,1012AB,60");
        api.deliver(tokens.ttp(), SMALL_CELL_DATE, "3311,1011AB,1200", "3343,1011AB,7", "7029,1011AB,500", "3343,1012AB,60");
        plainContract = UUID.randomUUID().toString();
        smallCellContract = UUID.randomUUID().toString();
        api.publishAndAwait(onePostcode(plainContract, PLAIN_DATE), onePostcode(smallCellContract, SMALL_CELL_DATE));
    }

    @Test
    void onePostcode_insurer3343_learnsNoCountOf3311_andNotTheNonParticipantsTotal_R11() {
        for (String path : List.of("", "/history", "/explanation")) {
            JsonNode view = json(api.get("/api/v1/allocations/" + plainContract + path, tokens.insurer("3343")));

            // 3311's 1,200 and 7029's 500 appear nowhere, under whatever name; 3343's own 800 does
            assertThat(numbers(view)).as(path).doesNotContain(1200L, 500L).contains(800L);
            assertThat(fieldNames(view)).as(path).doesNotContain("unfundedInsuredCount");
        }
        JsonNode allocation = json(api.get("/api/v1/allocations/" + plainContract, tokens.insurer("3343")));
        // over all 2,500 insureds in the area: 1,200 -> 4800 bp, 800 -> 3200 bp
        assertThat(allocation.path("marketShares").toString()).isEqualTo(
                "[{\"uzovi\":\"3311\",\"basisPoints\":4800},{\"uzovi\":\"3343\",\"insuredCount\":800,\"basisPoints\":3200}]");
        assertThat(allocation.path("serviceAreaCounts").toString())
                .isEqualTo("[{\"uzovi\":\"3343\",\"postcode\":\"1011AB\",\"insuredCount\":800}]");
        assertThat(json(api.get("/api/v1/allocations/" + plainContract + "/explanation", tokens.insurer("3343")))
                .path("countsPerInsurerAndPostcode").toString()).isEqualTo("{\"3343\":{\"1011AB\":800}}");
        // and 3311 learns nothing of 3343's 800
        assertThat(numbers(json(api.get("/api/v1/allocations/" + plainContract, tokens.insurer("3311")))))
                .doesNotContain(800L, 500L).contains(1200L);
    }

    @Test
    void onePostcode_aCellOf7Insureds_isSuppressed_forTheInsurerItselfToo_andTheSharesWithIt() {
        JsonNode allocation = json(api.get("/api/v1/allocations/" + smallCellContract, tokens.insurer("3343")));

        assertThat(allocation.path("serviceAreaCounts").toString()).isEqualTo(
                "[{\"uzovi\":\"3343\",\"postcode\":\"1011AB\",\"insuredCount\":null,\"suppressed\":true}]");
        assertThat(allocation.path("marketShares").toString()).isEqualTo(
                "[{\"uzovi\":\"3311\",\"basisPoints\":null,\"suppressed\":true},"
                        + "{\"uzovi\":\"3343\",\"insuredCount\":null,\"basisPoints\":null,\"suppressed\":true}]");
        assertThat(numbers(allocation)).doesNotContain(7L, 1200L, 500L);
        JsonNode explanation = json(api.get("/api/v1/allocations/" + smallCellContract + "/explanation",
                tokens.insurer("3343")));
        // its own 60 in 1012AB lies outside the area: the explanation holds only the area's cells
        assertThat(explanation.path("countsPerInsurerAndPostcode").toString()).isEqualTo("{\"3343\":{\"1011AB\":null}}");
        assertThat(numbers(explanation)).doesNotContain(7L, 1200L, 500L);
        for (JsonNode version : json(api.get("/api/v1/allocations/" + smallCellContract + "/history", tokens.insurer("3343")))) {
            assertThat(numbers(version)).doesNotContain(7L, 1200L, 500L);
        }
        // 3311 keeps its own 1,200 but no share: 10000 minus its own share and the unfunded part would give the 7 away
        JsonNode of3311 = json(api.get("/api/v1/allocations/" + smallCellContract, tokens.insurer("3311")));
        assertThat(of3311.path("marketShares").toString()).isEqualTo(
                "[{\"uzovi\":\"3311\",\"insuredCount\":1200,\"basisPoints\":null,\"suppressed\":true},"
                        + "{\"uzovi\":\"3343\",\"basisPoints\":null,\"suppressed\":true}]");
        assertThat(numbers(of3311)).doesNotContain(7L, 500L);
    }

    @Test
    void operators_stillSeeEveryFigure() {
        JsonNode small = json(api.get("/api/v1/allocations/" + smallCellContract, tokens.operator()));
        JsonNode plain = json(api.get("/api/v1/allocations/" + plainContract, tokens.operator()));

        // 1,200 / 1,707 = 7029.9 bp, 7 / 1,707 = 41.0 bp (the largest remainders: 7030 and 41)
        assertThat(small.path("marketShares").toString()).isEqualTo(
                "[{\"uzovi\":\"3311\",\"insuredCount\":1200,\"basisPoints\":7030},"
                        + "{\"uzovi\":\"3343\",\"insuredCount\":7,\"basisPoints\":41}]");
        assertThat(small.path("serviceAreaCounts").toString()).isEqualTo(
                "[{\"uzovi\":\"3311\",\"postcode\":\"1011AB\",\"insuredCount\":1200},"
                        + "{\"uzovi\":\"3343\",\"postcode\":\"1011AB\",\"insuredCount\":7}]");
        assertThat(small.path("unfundedInsuredCount").asLong()).isEqualTo(500);
        assertThat(plain.path("unfundedInsuredCount").asLong()).isEqualTo(500);
        assertThat(json(api.get("/api/v1/allocations/" + smallCellContract + "/explanation", tokens.operator()))
                .path("countsPerInsurerAndPostcode").toString())
                .isEqualTo("{\"3311\":{\"1011AB\":1200},\"3343\":{\"1011AB\":7},\"7029\":{\"1011AB\":500}}");
    }

    @Test
    void theMainContractor_seesTheLinesPaidToIt_sharesInBasisPoints_andNoCountAtAll_R10() {
        for (String path : List.of("", "/history", "/explanation")) {
            JsonNode view = json(api.get("/api/v1/allocations/" + plainContract + path,
                    tokens.provider(ManualExampleEvents.MAIN_CONTRACTOR_AGB)));

            assertThat(fieldNames(view)).as(path).doesNotContain("insuredCount", "serviceAreaCounts", "unfundedInsuredCount");
            assertThat(numbers(view)).as(path).doesNotContain(1200L, 800L, 500L);
        }
        JsonNode allocation = json(api.get("/api/v1/allocations/" + plainContract,
                tokens.provider(ManualExampleEvents.MAIN_CONTRACTOR_AGB)));
        assertThat(allocation.path("marketShares").toString())
                .isEqualTo("[{\"uzovi\":\"3311\",\"basisPoints\":4800},{\"uzovi\":\"3343\",\"basisPoints\":3200}]");
        // per year and Zvw sector 3,500,000 over 2,500 insureds: 1,680,000 (3311) and 1,120,000 (3343), all to hap-west
        for (JsonNode period : allocation.path("periods")) {
            assertThat(period.path("lines")).hasSize(4).allSatisfy(line -> {
                assertThat(line.path("payeeAgb").asString()).isEqualTo(ManualExampleEvents.MAIN_CONTRACTOR_AGB);
                assertThat(line.path("amountCents").asLong()).isIn(1_680_000L, 1_120_000L);
            });
        }
        assertThat(json(api.get("/api/v1/allocations/" + plainContract + "/explanation",
                tokens.provider(ManualExampleEvents.MAIN_CONTRACTOR_AGB))).path("countsPerInsurerAndPostcode").toString())
                .isEqualTo("{}");
    }

    /** The example in the one PC6 postcode 1011AB, its shares over all insurers there on the reference date. */
    private static ContractVersionPublished onePostcode(String contractId, LocalDate referenceDate) {
        return ManualExampleEvents.contractVersion(contractId, 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract()
                        .setTargetGroup(new TargetGroup("Thuiswonende kwetsbare ouderen", List.of("leeftijd 75+"),
                                List.of("1011AB")))
                        .setPurchasing(ManualExampleEvents.purchasing(ALL_INSURERS, referenceDate,
                                CountSource.TRUSTED_THIRD_PARTY))
                        .build()).build();
    }
}
