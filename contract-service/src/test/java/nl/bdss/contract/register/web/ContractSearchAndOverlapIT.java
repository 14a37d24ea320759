package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractStatus;
import nl.bdss.events.contract.ContractVersionPublished;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search with paging, and the double-funding watch (R4, R22) flagging overlapping contracts on both sides once the
 * versions take effect (every party accepted); operators see the overlapping contracts' ids, parties only how many.
 */
class ContractSearchAndOverlapIT extends ContractApiSupport {

    private final String gpAgb = randomAgb();
    private final String nurseAgb = randomAgb();

    @Test
    void flagsOverlappingContracts_onBoth_inTheApiAndTheEvent_R4_R22() {
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            String first = register(contractIn("3011", "3012"));
            String second = register(contractIn("3012 AB", "3099"));
            String elsewhere = register(contractIn("4000"));

            assertThat(overlaps(second)).containsExactly(first);
            assertThat(overlaps(first)).containsExactly(second);
            assertThat(overlaps(elsewhere)).isEmpty();
            var events = topic.awaitEvents(second, 1, Duration.ofSeconds(30));
            assertThat(events.get(0).event().getContract().getOverlappingContractIds()).containsExactly(first);
        }
    }

    @Test
    void flagsOverlap_evenWhenBothContractsAreRegisteredAtTheSameTime_R22() {
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> register(contractIn("7011")));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> register(contractIn("7011 CD")));

        String firstId = first.join();
        String secondId = second.join();

        assertThat(overlaps(firstId)).containsExactly(secondId);
        assertThat(overlaps(secondId)).containsExactly(firstId);
    }

    @Test
    void findsContractsByProviderPostcodeInsurerStatusAndDate_withPaging() {
        String a = register(contractIn("5011", "5012"));
        String b = register(contractIn("5012AB"));
        String c = register(contractIn("6000"));

        JsonNode firstPage = json(get(CONTRACTS + "?provider=" + gpAgb + "&size=2&page=0"));
        assertThat(firstPage.get("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asLong()).isEqualTo(2);
        assertThat(ids(firstPage)).containsExactly(a, b);
        assertThat(ids(json(get(CONTRACTS + "?provider=" + gpAgb + "&size=2&page=1")))).containsExactly(c);

        assertThat(ids(json(get(CONTRACTS + "?provider=" + gpAgb + "&postcode=5012")))).containsExactly(a, b);
        assertThat(ids(json(get(CONTRACTS + "?provider=" + gpAgb + "&postcode=5012%20AB")))).containsExactly(a, b);
        assertThat(ids(json(get(CONTRACTS + "?provider=" + nurseAgb + "&insurer=3343&status=ACTIVE&activeOn=2026-06-01"))))
                .containsExactly(a, b, c);
        assertThat(ids(json(get(CONTRACTS + "?provider=" + gpAgb + "&activeOn=2027-01-01")))).isEmpty();
        assertThat(ids(json(get(CONTRACTS + "?provider=" + gpAgb + "&status=TERMINATED")))).isEmpty();
    }

    @Test
    void refusesInvalidSearchParameters_withProblem() {
        assertThat(get(CONTRACTS + "?postcode=0123").statusCode()).isEqualTo(400);
        assertThat(get(CONTRACTS + "?size=0").statusCode()).isEqualTo(400);
        var unknownStatus = get(CONTRACTS + "?status=SLEEPING");
        assertThat(unknownStatus.statusCode()).isEqualTo(400);
        assertThat(json(unknownStatus).get("detail").asString()).contains("SLEEPING").contains("ACTIVE");
    }

    @Test
    void refusesEachMalformedFilter_withProblemNamingTheParameter() {
        Map<String, String> malformed = Map.of(
                "insurer", "331", "provider", "0101234", "postcode", "1234 SA", "status", "PAUSED", "activeOn", "2026-13-01",
                "page", "-1", "size", "ten");
        malformed.forEach((parameter, value) -> {
            HttpResponse<String> response = get(CONTRACTS + "?" + parameter + "=" + value.replace(" ", "%20"));

            assertThat(response.statusCode()).as(parameter).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(json(response).get("errors").values()).as(parameter)
                    .extracting(error -> error.get("field").asString()).containsExactly(parameter);
            assertThat(json(response).get("detail").asString()).contains(parameter).contains(value);
        });
    }

    @Test
    void reportsEveryMalformedFilterAtOnce() {
        HttpResponse<String> response = get(CONTRACTS + "?insurer=ABCD&provider=12&postcode=12&status=GONE&activeOn=tomorrow");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").values()).extracting(error -> error.get("field").asString())
                .containsExactly("insurer", "provider", "postcode", "status", "activeOn");
    }

    @Test
    void earlierContract_getsAnOverlapFlaggedVersion_inTheApiAndOnTheTopicInOrder_R4_R22() {
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            String first = register(contractIn("3011", "3012"));
            String second = register(contractIn("3012 AB", "3099"));

            JsonNode versions = json(get(CONTRACTS + "/" + first + "/versions"));
            assertThat(versions.values()).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
            assertThat(versions.values()).extracting(v -> v.get("change").asString())
                    .containsExactly("REGISTERED", "OVERLAP_FLAGGED");
            JsonNode flagged = versions.get(1);
            assertThat(idList(flagged.get("overlappingContractIds"))).containsExactly(second);
            assertThat(idList(versions.get(0).get("overlappingContractIds"))).isEmpty();
            assertThat(flagged.get("effectiveFrom").asString()).isEqualTo(versions.get(0).get("effectiveFrom").asString());
            assertThat(terms(flagged)).isEqualTo(terms(versions.get(0)));
            HttpResponse<String> current = get(CONTRACTS + "/" + first);
            assertThat(current.headers().firstValue("ETag")).contains("\"2\"");
            assertThat(json(current).get("status").asString()).isEqualTo("ACTIVE");

            List<ContractVersionPublished> events = topic.awaitEvents(first, 2, Duration.ofSeconds(30)).stream()
                    .map(ContractEventsOnTopic.Received::event).toList();
            assertThat(events).extracting(ContractVersionPublished::getVersion).containsExactly(1, 2);
            assertThat(events).extracting(ContractVersionPublished::getChange)
                    .containsExactly(ContractChange.REGISTERED, ContractChange.OVERLAP_FLAGGED);
            assertThat(events.get(1).getContract().getOverlappingContractIds()).containsExactly(second);
            assertThat(events.get(1).getEffectiveFrom()).isEqualTo(events.get(0).getEffectiveFrom());
            assertThat(events.get(1).getContract().getStatus()).isEqualTo(ContractStatus.ACTIVE);
            assertThat(events.get(1).getContract().getBudget()).isEqualTo(events.get(0).getContract().getBudget());
            assertThat(topic.awaitEvents(second, 1, Duration.ofSeconds(30))).extracting(r -> r.event().getChange())
                    .containsExactly(ContractChange.REGISTERED);
        }
    }

    @Test
    void backOfficeHoldingTheETagFromBeforeTheFlag_getsPreconditionFailed_R22() {
        ObjectNode contract = contractIn("3511");
        String first = register(contract);
        register(contractIn("3511 AA"));

        HttpResponse<String> stale = post(CONTRACTS + "/" + first + "/amendments",
                ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01"), "If-Match", "\"1\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("detail").asString()).contains("version 2");
        HttpResponse<String> current = post(CONTRACTS + "/" + first + "/amendments",
                ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01"), "If-Match", "\"2\"");
        assertThat(current.statusCode()).as(current.body()).isEqualTo(201);
        assertThat(json(current).get("proposal").get("version").asInt()).isEqualTo(3);
        assertThat(json(acceptAll(first, current)).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void overlapFlag_followsTheOtherContract_throughAmendmentsAndTermination_R4_R22() {
        String first = register(contractIn("3811"));
        ObjectNode overlapping = contractIn("3811 AB");
        String second = register(overlapping);
        assertThat(changesOf(first)).containsExactly("REGISTERED", "OVERLAP_FLAGGED");

        amend(second, 1, overlapping, "2026-01-01");
        assertThat(changesOf(first)).as("the overlap did not change").hasSize(2);

        ObjectNode elsewhere = overlapping.deepCopy();
        obj(elsewhere, "targetGroup").putArray("serviceAreaPostcodes").add("9811");
        amend(second, 2, elsewhere, "2026-01-01");
        assertThat(changesOf(first)).containsExactly("REGISTERED", "OVERLAP_FLAGGED", "OVERLAP_FLAGGED");
        assertThat(overlapsOfVersion(first, 3)).isEmpty();
        assertThat(overlaps(first)).isEmpty();

        amend(second, 3, overlapping, "2026-01-01");
        assertThat(overlapsOfVersion(first, 4)).containsExactly(second);

        terminateAccepted(second, "2026-06-30");
        assertThat(overlapsOfVersion(first, 5)).isEmpty();
        assertThat(overlaps(first)).isEmpty();
        assertThat(overlaps(second)).isEmpty();
        JsonNode current = json(get(CONTRACTS + "/" + first));
        assertThat(current.get("version").asInt()).isEqualTo(5);
        assertThat(current.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void insurersAndProvidersLearnHowManyContractsOverlap_onlyOperatorsTheirIds_R4_R22() {
        String of3343 = register(singleInsurer("3343", contractIn("3711")));
        String of3311 = register(singleInsurer("3311", contractIn("3711 AB")));
        List<String> paths = List.of(CONTRACTS + "/" + of3311, CONTRACTS + "/" + of3311 + "/versions",
                CONTRACTS + "/" + of3311 + "/versions/1", CONTRACTS + "?postcode=3711&size=200");

        for (String path : paths) {
            HttpResponse<String> seen = getAs(insurer("3311"), path);
            assertThat(seen.statusCode()).as(path).isEqualTo(200);
            assertThat(seen.body()).as(path).doesNotContain("overlappingContractIds").doesNotContain(of3343);
        }
        // the GP signs both, so it may see both contracts, yet not which contract overlaps which
        for (String path : paths) {
            assertThat(getAs(provider(gpAgb), path).body()).as(path).doesNotContain("overlappingContractIds");
        }
        assertThat(json(getAs(insurer("3311"), CONTRACTS + "/" + of3311)).get("overlappingContractCount").asInt())
                .isEqualTo(1);
        assertThat(json(getAs(provider(gpAgb), CONTRACTS + "/" + of3343)).get("overlappingContractCount").asInt())
                .isEqualTo(1);
        JsonNode seenByOperator = json(get(CONTRACTS + "/" + of3311));
        assertThat(seenByOperator.get("overlappingContractCount").asInt()).isEqualTo(1);
        assertThat(idList(seenByOperator.get("overlappingContractIds"))).containsExactly(of3343);
    }

    /** The contract purchased by one insurer alone (R11: SINGLE purchasing, no market share). */
    private static ObjectNode singleInsurer(String uzovi, ObjectNode contract) {
        contract.putArray("insurers").addObject().put("uzovi", uzovi).put("name", "Zorgverzekeraar " + uzovi);
        contract.putObject("purchasing").put("type", "SINGLE");
        return contract;
    }

    private ObjectNode contractIn(String... postcodes) {
        ObjectNode contract = aContract();
        at(contract, "parties", 0).put("agb", gpAgb);
        at(contract, "parties", 1).put("agb", nurseAgb);
        var area = obj(contract, "targetGroup").putArray("serviceAreaPostcodes");
        for (String postcode : postcodes) {
            area.add(postcode);
        }
        return contract;
    }

    private void amend(String id, int version, ObjectNode contract, String effectiveFrom) {
        ObjectNode amendment = JSON.createObjectNode();
        amendment.put("effectiveFrom", effectiveFrom);
        amendment.set("contract", contract);
        amendAccepted(id, amendment, "\"" + version + "\"");
    }

    private List<String> changesOf(String id) {
        return json(get(CONTRACTS + "/" + id + "/versions")).values().stream().map(v -> v.get("change").asString()).toList();
    }

    private List<String> overlapsOfVersion(String id, int version) {
        HttpResponse<String> response = get(CONTRACTS + "/" + id + "/versions/" + version);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("change").asString()).isEqualTo("OVERLAP_FLAGGED");
        return idList(json(response).get("overlappingContractIds"));
    }

    /** The contract document of a version, without what the register adds to it. */
    private static JsonNode terms(JsonNode version) {
        ObjectNode terms = (ObjectNode) version.deepCopy();
        terms.remove(List.of("version", "change", "recordedAt", "overlappingContractIds", "overlappingContractCount"));
        return terms;
    }

    private static List<String> idList(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private List<String> overlaps(String id) {
        return json(get(CONTRACTS + "/" + id)).get("overlappingContractIds").values().stream().map(JsonNode::asString).toList();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").values().stream().map(item -> item.get("id").asString()).toList();
    }

    private static String randomAgb() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
