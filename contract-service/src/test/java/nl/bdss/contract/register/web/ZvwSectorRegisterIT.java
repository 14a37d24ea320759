package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.bdss.events.contract.SectorShare;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Zvw sector register (R7): every role reads it, operators maintain it (audited), and the rules use it as it is
 * at that moment. Each test enters sectors with codes of its own, so no test sees another's.
 */
class ZvwSectorRegisterIT extends ContractApiSupport {

    static final String SECTORS = "/api/v1/zvw-sectors";

    private final String code = "IT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT)
            .replace('-', '_');

    private HttpResponse<String> put(String token, String sectorCode, String body) {
        return send(HttpRequest.newBuilder(uri(SECTORS + "/" + sectorCode)).PUT(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    private static String entry(String name, boolean macroBudgetSector, String validFrom, String validUntil) {
        return "{\"name\":\"" + name + "\",\"macroBudgetSector\":" + macroBudgetSector + ",\"validFrom\":\"" + validFrom
                + "\",\"validUntil\":" + (validUntil == null ? "null" : "\"" + validUntil + "\"") + "}";
    }

    private long rowsOf(String sectorCode) {
        return jdbc.sql("select count(*) from zvw_sector where code = ?").param(sectorCode).query(Long.class).single();
    }

    @Test
    void everyRoleReadsTheRegister_seededWithFourteenMacroBudgetSectorsAndTheCatchAll() {
        for (String token : List.of(insurer("3311"), provider("01012345"), operator())) {
            HttpResponse<String> response = getAs(token, SECTORS + "?on=2025-01-01");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<JsonNode> sectors = json(response).values().stream().toList();
            assertThat(sectors).extracting(s -> s.get("code").asString(), s -> s.get("macroBudgetSector").asBoolean())
                    .contains(tuple("HUISARTSENZORG", true), tuple("WIJKVERPLEGING", true), tuple("GGZ", true),
                            tuple("MEDISCH_SPECIALISTISCHE_ZORG", true), tuple("PARAMEDISCHE_ZORG", true),
                            tuple("FARMACEUTISCHE_ZORG", true), tuple("MONDZORG", true), tuple("GEBOORTEZORG", true),
                            tuple("ZIEKENVERVOER", true), tuple("HULPMIDDELENZORG", true),
                            tuple("EERSTELIJNSVERBLIJF", true), tuple("GERIATRISCHE_REVALIDATIEZORG", true),
                            tuple("ZINTUIGLIJK_GEHANDICAPTENZORG", true), tuple("MULTIDISCIPLINAIRE_ZORG", true),
                            tuple("OVERIGE_ZVW", false));
            JsonNode geriatric = sectors.stream().filter(s -> s.get("code").asString().equals("GERIATRISCHE_REVALIDATIEZORG"))
                    .findFirst().orElseThrow();
            assertThat(geriatric.get("validFrom").asString()).isEqualTo("2024-05-01");
            assertThat(geriatric.has("validUntil")).isFalse();
            assertThat(geriatric.get("name").asString()).isEqualTo("Geriatrische revalidatiezorg");
        }
    }

    @Test
    void onListsOnlyTheSectorsValidThatDay() {
        assertThat(put(operator(), code, entry("Vanaf 2027", true, "2027-01-01", "2027-12-31")).statusCode()).isEqualTo(201);

        assertThat(codes(get(SECTORS + "?on=2026-12-31"))).doesNotContain(code).contains("HUISARTSENZORG");
        assertThat(codes(get(SECTORS + "?on=2027-01-01"))).contains(code);
        assertThat(codes(get(SECTORS + "?on=2028-01-01"))).doesNotContain(code);
        assertThat(codes(get(SECTORS))).as("without a day: every entry").contains(code);
        assertThat(get(SECTORS + "?on=morgen").statusCode()).isEqualTo(400);
    }

    @Test
    void anOperatorEntersASector_201_thenChangesIt_200_eachChangeAudited() {
        HttpResponse<String> created = put(operator(), code, entry("Nieuwe sector", true, "2024-05-01", null));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("name").asString()).isEqualTo("Nieuwe sector");
        assertThat(body.get("macroBudgetSector").asBoolean()).isTrue();
        assertThat(body.get("updatedBy").asString()).isEqualTo("operator");

        HttpResponse<String> changed = put(operator(), code, entry("Nieuwe sector (hernoemd)", false, "2024-05-01", "2030-12-31"));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(jdbc.sql("select name, macro_budget_sector, valid_until::text as until from zvw_sector where code = ?")
                .param(code).query().singleRow())
                .containsEntry("name", "Nieuwe sector (hernoemd)").containsEntry("macro_budget_sector", false)
                .containsEntry("until", "2030-12-31");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                        select outcome from audit_entry where action = 'PUT /api/v1/zvw-sectors/{code}'
                        and object_type = 'zvw-sector' and object_id = ? and client_id = 'operator' order by id""")
                .param(code).query(Integer.class).list()).containsExactly(201, 200));
    }

    @Test
    void insurersAndProvidersMayNotChangeTheRegister_403_nothingStored() {
        for (String token : List.of(insurer("3311"), provider("01012345"))) {
            HttpResponse<String> response = put(token, code, entry("Niet toegestaan", true, "2024-05-01", null));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
            assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:forbidden");
        }
        assertThat(rowsOf(code)).isZero();
    }

    @Test
    void refusesAWrongEntry_namingEveryField_400_nothingStored() {
        HttpResponse<String> response = put(operator(), code,
                "{\"name\":\" \",\"macroBudgetSector\":null,\"validFrom\":\"2026-01-01\",\"validUntil\":\"2025-12-31\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:bdss:problem:invalid-zvw-sector");
        assertThat(problem.get("errors").values()).extracting(e -> e.get("field").asString(), e -> e.get("rule").asString())
                .containsExactlyInAnyOrder(tuple("name", "REQUEST"), tuple("macroBudgetSector", "R7"),
                        tuple("validUntil", "REQUEST"));
        assertThat(rowsOf(code)).isZero();
    }

    @Test
    void refusesAMalformedCode_400_namingTheCode() {
        HttpResponse<String> response = put(operator(), "nieuwe-sector", entry("Nieuw", true, "2024-05-01", null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("errors").values()).extracting(e -> e.get("field").asString(),
                e -> e.get("rule").asString()).containsExactly(tuple("code", "R7"));
        assertThat(rowsOf("nieuwe-sector")).isZero();
    }

    @Test
    void aSectorEnteredByPut_isAcceptedByTheNextRegistration_withoutARestart_R7() {
        ObjectNode contract = aContract();
        at(contract, "parties", 0).put("agb", ProposalIT.randomAgb());
        at(contract, "parties", 1).put("agb", ProposalIT.randomAgb()).put("sector", code);
        ObjectNode shares = obj(obj(contract, "budget"), "zvwSectorSharesBasisPoints");
        shares.remove("WIJKVERPLEGING");
        shares.put(code, 5000);

        HttpResponse<String> before = postAs(insurer("3311"), CONTRACTS, contract);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(422);
        assertThat(json(before).get("errors").values()).extracting(e -> e.get("field").asString(), e -> e.get("rule").asString())
                .containsExactlyInAnyOrder(tuple("parties[1].sector", "R7"),
                        tuple("budget.zvwSectorSharesBasisPoints." + code, "R7"));

        assertThat(put(operator(), code, entry("Nieuwe macrobudgetsector", true, "2024-05-01", null)).statusCode())
                .isEqualTo(201);

        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            String id = register(contract);

            assertThat(json(get(CONTRACTS + "/" + id)).get("parties").get(1).get("sector").asString()).isEqualTo(code);
            assertThat(topic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0).event().getContract().getBudget()
                    .getZvwSectorShares()).containsExactlyInAnyOrder(new SectorShare(code, 5000),
                    new SectorShare("HUISARTSENZORG", 5000));
        }
    }

    @Test
    void aSectorNotYetValidOnTheFirstDay_isRefused_R7() {
        assertThat(put(operator(), code, entry("Vanaf 2026", true, "2026-01-01", null)).statusCode()).isEqualTo(201);
        ObjectNode contract = aContract();
        at(contract, "parties", 1).put("sector", code);
        ObjectNode shares = obj(obj(contract, "budget"), "zvwSectorSharesBasisPoints");
        shares.remove("WIJKVERPLEGING");
        shares.put(code, 5000);
        long before = storedContracts();

        HttpResponse<String> response = postAs(insurer("3311"), CONTRACTS, contract);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("message").asString()).contains("not on 2025-01-01");
        assertThat(storedContracts()).isEqualTo(before);
    }

    private static List<String> codes(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).values().stream().map(s -> s.get("code").asString()).toList();
    }
}
