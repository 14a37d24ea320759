package nl.bdss.contract.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every rule's violation is refused with its rule number, and refused contracts are neither stored nor published. */
class ContractRulesIT extends ContractApiSupport {

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("R1", "insurers", c -> c.putArray("insurers")),
                violation("R1", "insurers[0].uzovi", c -> at(c, "insurers", 0).put("uzovi", "331")),
                violation("R1", "parties[0].agb", c -> at(c, "parties", 0).put("agb", "0101234")),
                violation("R1", "parties", c -> {
                    at(c, "parties", 0).put("domain", "WMO").remove(java.util.List.of("sector", "agb"));
                    at(c, "parties", 1).put("domain", "WMO").remove(java.util.List.of("sector", "agb"));
                }),
                violation("R2", "attestations.zvwCareNeedEstablished", c -> obj(c, "attestations").put("zvwCareNeedEstablished", false)),
                violation("R3", "attestations.coordinationRequiredForComplexity",
                        c -> obj(c, "attestations").put("coordinationRequiredForComplexity", false)),
                violation("R4", "attestations.noDoubleFunding", c -> obj(c, "attestations").put("noDoubleFunding", false)),
                violation("R4", "attestations.doubleFundingMeasure", c -> obj(c, "attestations").remove("doubleFundingMeasure")),
                violation("R5", "activities[1].justification", c -> at(c, "activities", 1).put("justification", " ")),
                violation("R6", "targetGroup.serviceAreaPostcodes[0]",
                        c -> ((tools.jackson.databind.node.ArrayNode) obj(c, "targetGroup").get("serviceAreaPostcodes")).set(0, "1011 SA")),
                violation("R6", "targetGroup.characteristics", c -> obj(c, "targetGroup").putArray("characteristics")),
                violation("R7", "budget.domainSharesBasisPoints", c -> obj(obj(c, "budget"), "domainSharesBasisPoints").put("ZVW", 6000)),
                violation("R7", "budget.zvwSectorSharesBasisPoints", c -> {
                    ObjectNode sectors = obj(obj(c, "budget"), "zvwSectorSharesBasisPoints");
                    sectors.remove("HUISARTSENZORG");
                    sectors.put("GGZ", 5000);
                }),
                violation("R8", "budget.lumpSumCents", c -> obj(c, "budget").put("lumpSumCents", 0)),
                violation("R9", "agreements.evaluation", c -> obj(c, "agreements").remove("evaluation")),
                violation("R10", "executionModel.mainContractor", c -> obj(c, "executionModel").put("mainContractor", "welzijn-centraal")),
                violation("R11", "purchasing.marketShare", c -> obj(c, "purchasing").remove("marketShare")),
                violation("R12", "attestations.gpFundingChoice", c -> obj(c, "attestations").put("gpFundingChoice", "O_AND_I")),
                violation("R14", "validUntil", c -> c.put("validUntil", "2029-05-01")),
                // R11: market shares per contract year (the example runs 2025-2026)
                violation("R11", "purchasing.marketShare.referenceDates.2031",
                        c -> marketShare(c).putObject("referenceDates").put("2031", "2031-03-01")),
                violation("R11", "purchasing.marketShare.referenceDates.2025",
                        c -> marketShare(c).putObject("referenceDates").put("2025", "2026-01-01")),
                violation("R11", "purchasing.marketShare.referenceDates.2026", c -> {
                    marketShare(c).remove("referenceDate");
                    marketShare(c).putObject("referenceDates").put("2025", "2025-03-01");
                }),
                violation("R11", "purchasing.marketShare.referenceDateRule",
                        c -> marketShare(c).put("referenceDateRule", "EVERY_EASTER")),
                violation("R11", "purchasing.marketShare.referenceDates.25",
                        c -> marketShare(c).putObject("referenceDates").put("25", "2025-03-01")),
                // R13: a hybrid meeting that does not say it pays only the group-bound part, nor how that is determined
                violation("R13", "activities[0].onlyGroupBoundCoordinationPaid", c -> at(c, "activities", 0).put("hybridMeeting", true)),
                violation("R13", "activities[0].groupBoundPartDetermination", c -> at(c, "activities", 0)
                        .put("hybridMeeting", true).put("onlyGroupBoundCoordinationPaid", true).put("groupBoundPartDetermination", " ")),
                // R7: sectors of the register only (an unknown code was a 400 while the sectors were an enum)
                violation("R7", "parties[1].sector", c -> at(c, "parties", 1).put("sector", "TANDARTS")),
                violation("R7", "budget.zvwSectorSharesBasisPoints.TANDARTS", c -> {
                    ObjectNode sectors = obj(obj(c, "budget"), "zvwSectorSharesBasisPoints");
                    sectors.remove("WIJKVERPLEGING");
                    sectors.put("TANDARTS", 5000);
                }),
                violation("R7", "parties[1].sector", c -> catchAll(c)),
                violation("R7", "budget.zvwSectorSharesBasisPoints.OVERIGE_ZVW", c -> catchAll(c)),
                violation("R14", "validFrom", c -> c.put("validFrom", "2024-04-01")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("violations")
    void refusesViolation_withRuleNumber_storingAndPublishingNothing(String rule, String field, Consumer<ObjectNode> breakIt) {
        ObjectNode contract = aContract();
        breakIt.accept(contract);

        HttpResponse<String> response = postExpectingNothingStoredOrPublished(contract);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:bdss:problem:contract-rules-violated");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString()).contains(rule);
        assertThat(problem.get("errors").values()).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("rule").asString()).isEqualTo(rule);
            assertThat(error.get("message").asString()).startsWith(rule + ":");
        });
    }

    @Test
    void reportsAllViolationsOfARequestAtOnce() {
        ObjectNode contract = aContract();
        contract.putArray("insurers");
        obj(obj(contract, "budget"), "domainSharesBasisPoints").put("ZVW", 1);
        contract.put("validUntil", "2030-01-01");

        HttpResponse<String> response = postExpectingNothingStoredOrPublished(contract);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").values()).extracting(error -> error.get("rule").asString())
                .contains("R1", "R7", "R11", "R14");
    }

    @Test
    void acceptsAContractRunningUntilTheLastDayOfTheExperiment_30April2029_R14() {
        ObjectNode contract = aContract();
        contract.put("validUntil", "2029-04-30");

        HttpResponse<String> response = post(CONTRACTS, contract);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("validUntil").asString()).isEqualTo("2029-04-30");
    }

    @Test
    void acceptsWithWarnings_earlyStartAndReferenceDateInFebruary_R11_R14() {
        ObjectNode contract = aContract();
        contract.put("validFrom", "2024-09-01");
        obj(obj(contract, "purchasing"), "marketShare").put("referenceDate", "2025-02-01");

        HttpResponse<String> response = post(CONTRACTS, contract);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("warnings").values()).extracting(w -> w.get("rule").asString())
                .containsExactlyInAnyOrder("R11", "R14", "R10");
    }

    private HttpResponse<String> postExpectingNothingStoredOrPublished(ObjectNode contract) {
        awaitOutboxDrained();
        long contractsBefore = storedContracts();
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            java.util.Map<TopicPartition, Long> offsetsBefore = topic.endOffsets();
            HttpResponse<String> response = postAs(insurerNamedIn(contract), CONTRACTS, contract);
            awaitOutboxDrained();
            assertThat(storedContracts()).isEqualTo(contractsBefore);
            assertThat(jdbc.sql("select count(*) from contract where reference = ?").param(contract.get("reference").asString())
                    .query(Long.class).single()).isZero();
            assertThat(topic.endOffsets()).isEqualTo(offsetsBefore);
            return response;
        }
    }

    /**
     * A token of an insurer the document names, so the rules (not the tenant check) answer; 3311 when it names none
     * that could be one (a document without insurers acts on nobody's behalf and is the rules' to refuse, R1).
     */
    private static String insurerNamedIn(ObjectNode contract) {
        return insurer(contract.get("insurers").values().stream().map(insurer -> insurer.get("uzovi").asString())
                .filter(uzovi -> uzovi.matches("\\d{4}")).findFirst().orElse("3311"));
    }

    @Test
    void refusesTheCatchAllSector_forANewContract_namingWhyAndTheSectorsItMayName_R7() {
        ObjectNode contract = aContract();
        catchAll(contract);

        HttpResponse<String> response = postExpectingNothingStoredOrPublished(contract);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).get("errors").values()).extracting(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("parties[1].sector", "budget.zvwSectorSharesBasisPoints.OVERIGE_ZVW");
        assertThat(json(response).get("errors").get(0).get("message").asString())
                .contains("not a macro-budget sector").contains("GERIATRISCHE_REVALIDATIEZORG");
    }

    @Test
    void reportsEveryNewRulesViolationAtOnce_R7_R11_R13() {
        ObjectNode contract = aContract();
        at(contract, "parties", 1).put("sector", "TANDARTS");
        marketShare(contract).put("referenceDateRule", "EVERY_EASTER");
        at(contract, "activities", 1).put("hybridMeeting", true);

        HttpResponse<String> response = postExpectingNothingStoredOrPublished(contract);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").values()).extracting(error -> error.get("field").asString())
                .contains("parties[1].sector", "purchasing.marketShare.referenceDateRule",
                        "activities[1].onlyGroupBoundCoordinationPaid", "activities[1].groupBoundPartDetermination");
    }

    /** District nursing replaced by the catch-all, as party sector and share key. */
    private static void catchAll(ObjectNode contract) {
        at(contract, "parties", 1).put("sector", "OVERIGE_ZVW");
        ObjectNode sectors = obj(obj(contract, "budget"), "zvwSectorSharesBasisPoints");
        sectors.remove("WIJKVERPLEGING");
        sectors.put("OVERIGE_ZVW", 5000);
    }

    static ObjectNode marketShare(ObjectNode contract) {
        return obj(obj(contract, "purchasing"), "marketShare");
    }

    private static Arguments violation(String rule, String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(rule, field, breakIt);
    }

    static ObjectNode obj(JsonNode node, String name) {
        return (ObjectNode) node.get(name);
    }

    static ObjectNode at(JsonNode node, String arrayName, int index) {
        return (ObjectNode) node.get(arrayName).get(index);
    }
}
