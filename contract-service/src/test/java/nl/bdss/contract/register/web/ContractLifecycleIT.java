package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractStatus;
import nl.bdss.events.contract.ContractVersionPublished;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Register, amend, terminate, each accepted by every party: versions kept and readable, events in order, illegal
 * transitions refused.
 */
class ContractLifecycleIT extends ContractApiSupport {

    @Test
    void amendAndTerminate_produceVersionsAndEventsInOrder() {
        try (ContractEventsOnTopic topic = new ContractEventsOnTopic()) {
            ObjectNode contract = aContract();
            String id = register(contract);
            assertThat(get(CONTRACTS + "/" + id).headers().firstValue("ETag")).contains("\"1\"");

            HttpResponse<String> amended = post(amendments(id), amendment(contract, 12_000_000, "2026-01-01"), "If-Match", "\"1\"");
            assertThat(amended.statusCode()).as(amended.body()).isEqualTo(201);
            assertThat(amended.headers().firstValue("Location")).contains(CONTRACTS + "/" + id + "/proposal");
            assertThat(amended.headers().firstValue("ETag")).contains("\"p2-1\"");
            assertThat(json(amended).get("version").asInt()).as("still in force").isEqualTo(1);
            assertThat(json(amended).get("proposal").get("kind").asString()).isEqualTo("AMENDMENT");
            assertThat(json(amended).get("proposal").get("version").asInt()).isEqualTo(2);
            assertThat(json(amended).get("proposal").get("basedOnVersion").asInt()).isEqualTo(1);
            assertThat(json(amended).get("proposal").get("contract").get("budget").get("lumpSumCents").asLong())
                    .isEqualTo(12_000_000L);
            assertThat(json(acceptAll(id, amended)).get("version").asInt()).isEqualTo(2);
            assertThat(get(CONTRACTS + "/" + id).headers().firstValue("ETag")).contains("\"2\"");

            HttpResponse<String> terminated = post(termination(id), "{\"endDate\":\"2026-06-30\"}", "If-Match", "\"2\"");
            assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(201);
            assertThat(json(terminated).get("proposal").get("endDate").asString()).isEqualTo("2026-06-30");
            acceptAll(id, terminated);
            JsonNode current = json(get(CONTRACTS + "/" + id));
            assertThat(current.get("status").asString()).isEqualTo("TERMINATED");
            assertThat(current.get("validUntil").asString()).isEqualTo("2026-06-30");
            assertThat(current.get("version").asInt()).isEqualTo(3);

            JsonNode versions = json(get(CONTRACTS + "/" + id + "/versions"));
            assertThat(versions.values()).extracting(v -> v.get("change").asString())
                    .containsExactly("REGISTERED", "AMENDED", "TERMINATED");
            JsonNode first = json(get(CONTRACTS + "/" + id + "/versions/1"));
            assertThat(first.get("budget").get("lumpSumCents").asLong()).isEqualTo(10_000_000L);
            assertThat(first.get("validUntil").asString()).isEqualTo("2026-12-31");
            assertThat(get(CONTRACTS + "/" + id + "/versions/4").statusCode()).isEqualTo(404);

            List<ContractVersionPublished> events = topic.awaitEvents(id, 3, Duration.ofSeconds(30)).stream()
                    .map(ContractEventsOnTopic.Received::event).toList();
            assertThat(events).extracting(ContractVersionPublished::getVersion).containsExactly(1, 2, 3);
            assertThat(events).extracting(ContractVersionPublished::getChange)
                    .containsExactly(ContractChange.REGISTERED, ContractChange.AMENDED, ContractChange.TERMINATED);
            assertThat(events.get(1).getEffectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(events.get(1).getContract().getBudget().getLumpSumCents()).isEqualTo(12_000_000L);
            assertThat(events.get(2).getContract().getStatus()).isEqualTo(ContractStatus.TERMINATED);
            assertThat(events.get(2).getContract().getValidUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(events.get(2).getEffectiveFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
        }
    }

    @Test
    void ifMatchStar_amendsAndTerminatesWhateverVersionIsCurrent_RFC9110() {
        ObjectNode contract = aContract();
        String id = register(contract);
        amendAccepted(id, amendment(contract, 11_000_000, "2025-06-01"), "\"1\"");

        HttpResponse<String> amended = amendAccepted(id, amendment(contract, 12_000_000, "2026-01-01"), "*");
        HttpResponse<String> terminated = post(termination(id), "{\"endDate\":\"2026-06-30\"}", "If-Match", "*");
        assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(201);

        assertThat(json(amended).get("version").asInt()).isEqualTo(3);
        assertThat(json(acceptAll(id, terminated)).get("version").asInt()).isEqualTo(4);
        assertThat(post(amendments("00000000-0000-0000-0000-000000000001"), amendment(contract, 1, "2026-01-01"), "If-Match", "*")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void amendmentWithoutIfMatch_isRefusedWith428_andStoresNothing() {
        ObjectNode contract = aContract();
        String id = register(contract);

        HttpResponse<String> response = post(amendments(id), amendment(contract, 12_000_000, "2026-01-01"));

        assertThat(response.statusCode()).isEqualTo(428);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:bdss:problem:precondition-required");
        assertThat(versionsOf(id)).isEqualTo(1);
    }

    @Test
    void amendmentOfAnOutdatedVersion_isRefusedWith412_andStoresNothing() {
        ObjectNode contract = aContract();
        String id = register(contract);
        amendAccepted(id, amendment(contract, 11_000_000, "2025-06-01"), "\"1\"");

        HttpResponse<String> stale = post(amendments(id), amendment(contract, 12_000_000, "2026-01-01"), "If-Match", "\"1\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("detail").asString()).contains("version 2");
        assertThat(versionsOf(id)).isEqualTo(2);
    }

    @Test
    void amendmentBreakingARule_isRefusedWithTheRule() {
        ObjectNode contract = aContract();
        String id = register(contract);

        HttpResponse<String> response = post(amendments(id), amendment(contract, 0, "2026-01-01"), "If-Match", "\"1\"");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").values()).extracting(e -> e.get("rule").asString()).contains("R8");
        assertThat(versionsOf(id)).isEqualTo(1);
    }

    @Test
    void illegalTransitions_areRefusedWith409AndAReason() {
        ObjectNode contract = aContract();
        String id = register(contract);

        HttpResponse<String> outsideValidity = post(amendments(id), amendment(contract, 12_000_000, "2027-03-01"), "If-Match", "\"1\"");
        HttpResponse<String> endBeforeStart = post(termination(id), "{\"endDate\":\"2024-12-31\"}");
        terminateAccepted(id, "2025-12-31");
        HttpResponse<String> terminateAgain = post(termination(id), "{\"endDate\":\"2025-06-30\"}");
        HttpResponse<String> amendTerminated = post(amendments(id), amendment(contract, 12_000_000, "2025-06-01"), "If-Match", "\"2\"");

        for (HttpResponse<String> refused : List.of(outsideValidity, endBeforeStart, terminateAgain, amendTerminated)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(json(refused).get("type").asString()).isEqualTo("urn:bdss:problem:illegal-transition");
        }
        assertThat(json(outsideValidity).get("detail").asString()).contains("outside the contract's validity");
        assertThat(json(endBeforeStart).get("detail").asString()).contains("before the start");
        assertThat(json(amendTerminated).get("detail").asString()).contains("terminated");
        assertThat(versionsOf(id)).isEqualTo(2);
    }

    private static String amendments(String id) {
        return CONTRACTS + "/" + id + "/amendments";
    }

    private static String termination(String id) {
        return CONTRACTS + "/" + id + "/termination";
    }

    static ObjectNode amendment(ObjectNode contract, long lumpSumCents, String effectiveFrom) {
        ObjectNode changed = contract.deepCopy();
        obj(changed, "budget").put("lumpSumCents", lumpSumCents);
        ObjectNode amendment = JSON.createObjectNode();
        amendment.put("effectiveFrom", effectiveFrom);
        amendment.set("contract", changed);
        return amendment;
    }

    private long versionsOf(String id) {
        return jdbc.sql("select count(*) from contract_version where contract_id = cast(? as uuid)").param(id)
                .query(Long.class).single();
    }
}
