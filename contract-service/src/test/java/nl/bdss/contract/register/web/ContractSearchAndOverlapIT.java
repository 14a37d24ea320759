package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Search with paging, and the double-funding watch (R4, R22) flagging overlapping contracts on both sides. */
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
