package nl.bdss.allocation.split;

import static nl.bdss.events.fixtures.AvroJson.avroJson;
import static nl.bdss.allocation.split.AllocationApi.json;
import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
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
 * {@code POST /api/v1/allocations/preview} (issue 14, "Know what you accept"): what a contract version would
 * allocate, computed as publishing computes it, nothing stored or published, each caller seeing its own part.
 */
@SpringBootTest(properties = AllocationServiceApplication.CONFIG_NAME, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "allocation")
@UsesTestTokenIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocationPreviewIT {

    private static final String PREVIEW = "/api/v1/allocations/preview";
    private static final String CONTRACT_VERSION_JSON = "application/vnd.bdss.contract-version+json";
    /** A reference date no other test delivers counts for: the example's counts, this test's own dataset. */
    private static final LocalDate COUNTED_ON = LocalDate.of(2034, 3, 1);
    /** A reference date nobody delivers counts for. */
    private static final LocalDate NEVER_COUNTED = LocalDate.of(2034, 4, 1);
    private static final String MAIN_CONTRACTOR = ManualExampleEvents.MAIN_CONTRACTOR_AGB;
    private static final String DISTRICT_NURSING = ManualExampleEvents.DISTRICT_NURSING_AGB;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final TestTokenIssuer tokens = TestTokenIssuer.get();
    private AllocationApi api;

    @BeforeAll
    void deliverTheExampleCounts() {
        api = new AllocationApi(port, jdbc);
        // the example's counts: 5 postcodes x 1,200 = 6,000 for 3311 and 5 x 800 = 4,000 for 3343 in the area
        api.deliver(tokens.ttp(), COUNTED_ON, "3311,1011,1200", "3311,1012,1200", "3311,1013,1200", "3311,1015,1200",
                "3311,1016,1200", "3311,1017,1500", "3343,1011,800", "3343,1012,800", "3343,1013,800", "3343,1015,800",
                "3343,1016,800", "7029,1011,500");
    }

    @Test
    void theManualExample_givesPerSectorPerYear2100000For3311And1400000For3343_andStoresNothing_R7_R11() {
        String draft = UUID.randomUUID().toString();
        long allocationsBefore = count("select count(*) from allocation");
        long termsBefore = count("select count(*) from contract_terms_version");
        long inboxBefore = count("select count(*) from processed_event");

        HttpResponse<String> response = preview(example(draft), tokens.operator());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = json(response);
        assertThat(preview.path("contractId").asString()).isEqualTo(draft);
        assertThat(preview.path("status").asString()).isEqualTo("COMPLETE");
        assertThat(preview.has("pendingReason")).isFalse();
        assertThat(preview.has("corrections")).as("no current allocation, no corrections").isFalse();
        assertThat(preview.path("marketShares").toString())
                .isEqualTo("[{\"uzovi\":\"3311\",\"basisPoints\":6000},{\"uzovi\":\"3343\",\"basisPoints\":4000}]");
        // lump sum 10,000,000 x Zvw 70% = 7,000,000, per sector 50% = 3,500,000, 60/40 by 6,000/4,000 insureds;
        // Wmo 10% = 1,000,000 and Jeugdwet 20% = 2,000,000 recorded, paid by no insurer (R7)
        assertThat(periods(preview)).containsExactly(
                "2025-01-01..2025-12-31", "2026-01-01..2026-12-31");
        for (JsonNode period : preview.path("periods")) {
            assertThat(lines(period)).containsExactlyInAnyOrder(
                    "WMO 1000000", "JEUGDWET 2000000",
                    "ZVW WIJKVERPLEGING 3311 01012345 2100000", "ZVW WIJKVERPLEGING 3343 01012345 1400000",
                    "ZVW HUISARTSENZORG 3311 01012345 2100000", "ZVW HUISARTSENZORG 3343 01012345 1400000");
        }
        // nothing stored, nothing published, nothing remembered as applied
        assertThat(count("select count(*) from allocation")).isEqualTo(allocationsBefore);
        assertThat(count("select count(*) from contract_terms_version")).isEqualTo(termsBefore);
        assertThat(count("select count(*) from processed_event")).isEqualTo(inboxBefore);
        assertThat(jdbc.sql("select count(*) from outbox_message where message_key = ?").param(draft)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from contract_terms where contract_id = ?").param(draft)
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/allocations/" + draft, tokens.operator()).statusCode()).isEqualTo(404);
    }

    @Test
    void insurer3343_seesOnlyTheLinesItWouldPay() {
        HttpResponse<String> response = preview(example(UUID.randomUUID().toString()), tokens.insurer("3343"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = json(response);
        assertThat(preview.path("periods")).hasSize(2);
        for (JsonNode period : preview.path("periods")) {
            assertThat(lines(period)).containsExactlyInAnyOrder("ZVW WIJKVERPLEGING 3343 01012345 1400000",
                    "ZVW HUISARTSENZORG 3343 01012345 1400000");
        }
        assertThat(preview.path("marketShares").toString())
                .isEqualTo("[{\"uzovi\":\"3311\",\"basisPoints\":6000},{\"uzovi\":\"3343\",\"basisPoints\":4000}]");
    }

    @Test
    void aProvider_seesOnlyTheLinesPaidToIt_R10() {
        byte[] example = example(UUID.randomUUID().toString());

        JsonNode mainContractor = json(preview(example, tokens.provider(MAIN_CONTRACTOR)));
        HttpResponse<String> districtNursing = preview(example, tokens.provider(DISTRICT_NURSING));

        // the main contractor is paid every Zvw line: 2 sectors x 2 insurers per year, nothing of Wmo or Jeugdwet
        for (JsonNode period : mainContractor.path("periods")) {
            assertThat(lines(period)).containsExactlyInAnyOrder(
                    "ZVW WIJKVERPLEGING 3311 01012345 2100000", "ZVW WIJKVERPLEGING 3343 01012345 1400000",
                    "ZVW HUISARTSENZORG 3311 01012345 2100000", "ZVW HUISARTSENZORG 3343 01012345 1400000");
        }
        assertThat(mainContractor.path("periods")).hasSize(2);
        // wijkzorg-noord is a Zvw party the main contractor pays: the insurers pay it nothing directly
        assertThat(districtNursing.statusCode()).as(districtNursing.body()).isEqualTo(200);
        assertThat(json(districtNursing).path("periods")).isEmpty();
    }

    @Test
    void aCallerTheVersionDoesNotName_getsTheSame404AsForAnUnknownContract() {
        String draft = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> insurer = preview(example(draft), tokens.insurer("3399"));
        HttpResponse<String> provider = preview(example(draft), tokens.provider("12345678"));

        JsonNode refused = assertProblem(insurer, 404, "allocation-not-found");
        assertProblem(provider, 404, "allocation-not-found");
        // the same problem as for a contract that does not exist (only the request's path differs)
        JsonNode missing = json(api.get("/api/v1/allocations/" + unknown, tokens.insurer("3399")));
        assertThat(refused.path("detail").asString().replace(draft, "ID"))
                .isEqualTo(missing.path("detail").asString().replace(unknown, "ID"));
        assertThat(refused.path("title")).isEqualTo(missing.path("title"));
    }

    @Test
    void withoutCountsForTheReferenceDate_thePreviewIsPending_withTheReason_R11() {
        ContractVersionPublished uncounted = ManualExampleEvents.contractVersion(UUID.randomUUID().toString(), 1,
                ManualExampleEvents.VALID_FROM, ManualExampleEvents.contract().setPurchasing(ManualExampleEvents.purchasing(
                        "INSURED_COUNT_IN_SERVICE_AREA", NEVER_COUNTED, CountSource.TRUSTED_THIRD_PARTY)).build()).build();

        JsonNode preview = json(preview(avroJson(uncounted), tokens.insurer("3311")));

        assertThat(preview.path("status").asString()).isEqualTo("PENDING");
        assertThat(preview.path("pendingReason").asString())
                .isEqualTo("no insured counts delivered by TRUSTED_THIRD_PARTY for reference date 2034-04-01 (R11)");
        assertThat(preview.path("periods")).isEmpty();
        assertThat(preview.path("marketShares")).isEmpty();
    }

    @Test
    void anAmendmentDoublingTheLumpSumFrom2026_showsTheCorrectionsItWouldBook_andChangesNothing_R8() {
        String contractId = UUID.randomUUID().toString();
        api.publishAndAwait(ManualExampleEvents.contractVersion(contractId, 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract().setPurchasing(countedOn()).build()).build());
        String current = api.get("/api/v1/allocations/" + contractId, tokens.operator()).body();
        ContractVersionPublished doubled = ManualExampleEvents.contractVersion(contractId, 2, LocalDate.of(2026, 1, 1),
                ManualExampleEvents.contract().setPurchasing(countedOn())
                        .setBudget(ManualExampleEvents.budget(20_000_000L, BudgetPeriod.YEAR)).build()).build();

        JsonNode operator = json(preview(avroJson(doubled), tokens.operator()));
        JsonNode of3343 = json(preview(avroJson(doubled), tokens.insurer("3343")));

        // 2026: 20,000,000 x 70% x 50% = 7,000,000 per sector: 4,200,000 (3311) and 2,800,000 (3343), today
        // 2,100,000 and 1,400,000: +2,100,000 and +1,400,000 per sector; 2025 unchanged, no correction
        assertThat(corrections(operator)).containsExactly(
                "2026-01-01..2026-12-31 3311 HUISARTSENZORG 01012345 2100000",
                "2026-01-01..2026-12-31 3311 WIJKVERPLEGING 01012345 2100000",
                "2026-01-01..2026-12-31 3343 HUISARTSENZORG 01012345 1400000",
                "2026-01-01..2026-12-31 3343 WIJKVERPLEGING 01012345 1400000");
        assertThat(corrections(of3343)).containsExactly(
                "2026-01-01..2026-12-31 3343 HUISARTSENZORG 01012345 1400000",
                "2026-01-01..2026-12-31 3343 WIJKVERPLEGING 01012345 1400000");
        assertThat(lines(of3343.path("periods").get(1))).containsExactlyInAnyOrder(
                "ZVW WIJKVERPLEGING 3343 01012345 2800000", "ZVW HUISARTSENZORG 3343 01012345 2800000");
        assertThat(lines(of3343.path("periods").get(0))).containsExactlyInAnyOrder(
                "ZVW WIJKVERPLEGING 3343 01012345 1400000", "ZVW HUISARTSENZORG 3343 01012345 1400000");
        // the same version again: the same answer; the contract's allocation is what it was
        assertThat(corrections(json(preview(avroJson(doubled), tokens.operator())))).hasSize(4);
        assertThat(api.allocations(contractId)).isEqualTo(1);
        assertThat(jdbc.sql("select max(version) from contract_terms_version where contract_id = ?").param(contractId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/allocations/" + contractId, tokens.operator()).body()).isEqualTo(current);
    }

    @Test
    void aBodyThatIsNoContractVersion_isA400NamingTheField_andStoresNothing() {
        long allocationsBefore = count("select count(*) from allocation");
        String document = new String(example(UUID.randomUUID().toString()), StandardCharsets.UTF_8)
                .replace("\"lumpSumCents\":10000000", "\"lumpSumCents\":\"10000000\"");

        JsonNode typed = assertProblem(post(document.getBytes(StandardCharsets.UTF_8), CONTRACT_VERSION_JSON,
                tokens.operator()), 400, "invalid-contract-version");
        ContractVersionPublished sharesOff = ManualExampleEvents.contractVersion(UUID.randomUUID().toString(), 1,
                ManualExampleEvents.VALID_FROM, ManualExampleEvents.contract().setBudget(new nl.bdss.events.contract.Budget(
                        10_000_000L, BudgetPeriod.YEAR, ManualExampleEvents.budget(1, BudgetPeriod.YEAR).getDomainShares(),
                        List.of(new nl.bdss.events.contract.SectorShare("WIJKVERPLEGING", 6000),
                                new nl.bdss.events.contract.SectorShare("HUISARTSENZORG", 5000)))).build()).build();
        JsonNode rule = assertProblem(preview(avroJson(sharesOff), tokens.operator()), 400, "invalid-contract-version");

        assertThat(fields(typed)).containsExactly("contract.budget.lumpSumCents");
        assertThat(fields(rule)).containsExactly("contract.budget.zvwSectorShares");
        assertThat(rule.path("errors").get(0).path("rule").asString()).isEqualTo("R7");
        assertThat(fields(assertProblem(post("{\"contract\":".getBytes(StandardCharsets.UTF_8), CONTRACT_VERSION_JSON,
                tokens.operator()), 400, "invalid-contract-version"))).containsExactly("");
        assertProblem(post(example(UUID.randomUUID().toString()), "text/plain", tokens.operator()), 415,
                "unsupported-media-type");
        assertThat(count("select count(*) from allocation")).isEqualTo(allocationsBefore);
    }

    @Test
    void plainApplicationJson_isAcceptedToo() {
        HttpResponse<String> response = post(example(UUID.randomUUID().toString()), "application/json", tokens.insurer("3311"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("COMPLETE");
    }

    private static nl.bdss.events.contract.Purchasing countedOn() {
        return ManualExampleEvents.purchasing("INSURED_COUNT_IN_SERVICE_AREA", COUNTED_ON, CountSource.TRUSTED_THIRD_PARTY);
    }

    /** The manual's example as a draft would be published, counted on this test's reference date. */
    private static byte[] example(String contractId) {
        return avroJson(ManualExampleEvents.contractVersion(contractId, 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract().setPurchasing(countedOn()).build()).build());
    }

    private HttpResponse<String> preview(byte[] document, String token) {
        return post(document, CONTRACT_VERSION_JSON, token);
    }

    private HttpResponse<String> post(byte[] document, String contentType, String token) {
        return api.post(PREVIEW, contentType, document, token);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static List<String> periods(JsonNode preview) {
        List<String> periods = new ArrayList<>();
        preview.path("periods").forEach(p -> periods.add(p.path("start").asString() + ".." + p.path("end").asString()));
        return periods;
    }

    private static List<String> lines(JsonNode period) {
        List<String> lines = new ArrayList<>();
        period.path("lines").forEach(line -> lines.add(String.join(" ", line.path("domain").asString(),
                        line.path("sector").asString(""), line.path("uzovi").asString(""), line.path("payeeAgb").asString(""),
                        String.valueOf(line.path("amountCents").asLong())).replaceAll(" +", " ")));
        return lines;
    }

    private static List<String> corrections(JsonNode preview) {
        List<String> corrections = new ArrayList<>();
        preview.path("corrections").forEach(c -> corrections.add(c.path("periodStart").asString() + ".."
                + c.path("periodEnd").asString() + " " + c.path("uzovi").asString() + " " + c.path("sector").asString()
                + " " + c.path("payeeAgb").asString() + " " + c.path("deltaCents").asLong()));
        return corrections;
    }
}
