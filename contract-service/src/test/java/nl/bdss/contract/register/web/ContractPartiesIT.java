package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Former and future parties: a party reads the versions it signed and nothing of the versions after it left; a
 * party a proposal adds sees that proposal (and may accept it) before it signs a version.
 */
class ContractPartiesIT extends ContractApiSupport {

    private final String gpAgb = ProposalIT.randomAgb();
    private final String nurseAgb = ProposalIT.randomAgb();
    private final String nextNurseAgb = ProposalIT.randomAgb();

    @Test
    void aFormerProvider_readsOnlyTheVersionsItSigned_andNothingOfTheVersionAfterIt() {
        ObjectNode contract = ownContract();
        String id = register(contract);
        HttpResponse<String> accepted = amendAccepted(id, amendment(withNurse(contract, nextNurseAgb), 12_000_000), "\"1\"");
        assertThat(json(accepted).get("version").asInt()).isEqualTo(2);
        String former = provider(nurseAgb);

        HttpResponse<String> current = getAs(former, CONTRACTS + "/" + id);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(json(current).get("version").asInt()).isEqualTo(1);
        assertThat(json(current).get("budget").get("lumpSumCents").asLong()).isEqualTo(10_000_000L);
        assertThat(json(current).has("proposal")).as("the amendment it accepted made a version it does not sign").isFalse();
        assertThat(current.body()).doesNotContain(nextNurseAgb).doesNotContain("12000000");
        assertThat(versions(former, id)).containsExactly(1);
        assertProblem(getAs(former, CONTRACTS + "/" + id + "/versions/2"), 404, "contract-not-found");
        assertProblem(getAs(former, CONTRACTS + "/" + id + "/proposal"), 404, "proposal-not-found");
        assertThat(json(getAs(former, CONTRACTS + "?size=200")).get("items").values())
                .extracting(item -> item.get("id").asString()).doesNotContain(id);

        String next = provider(nextNurseAgb);
        assertThat(versions(next, id)).as("the new provider signed version 2 only").containsExactly(2);
        assertProblem(getAs(next, CONTRACTS + "/" + id + "/versions/1"), 404, "contract-not-found");
        assertThat(json(getAs(next, CONTRACTS + "/" + id)).get("version").asInt()).isEqualTo(2);
        assertThat(versions(provider(gpAgb), id)).as("a party of both").containsExactly(1, 2);
    }

    @Test
    void aFormerInsurer_keepsItsVersions_andSeesNothingOfLaterOnes() {
        ObjectNode contract = ownContract();
        String id = register(contract);
        ObjectNode alone = contract.deepCopy();
        alone.putArray("insurers").addObject().put("uzovi", "3311").put("name", "Zorgverzekeraar A");
        alone.putObject("purchasing").put("type", "SINGLE");
        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments", amendment(alone, 11_000_000), "If-Match", "\"1\"");
        assertThat(json(proposed).get("proposal").get("pendingAcceptances").get(0).get("uzovi").asString())
                .as("the insurer it drops is asked").isEqualTo("3343");
        acceptAll(id, proposed);
        amendAccepted(id, amendment(alone, 13_000_000), "\"2\"");

        String former = insurer("3343");
        JsonNode seen = json(getAs(former, CONTRACTS + "/" + id));
        assertThat(seen.get("version").asInt()).isEqualTo(1);
        assertThat(seen.get("insurers").values()).extracting(i -> i.get("uzovi").asString()).containsExactly("3311", "3343");
        assertThat(seen.has("proposal")).isFalse();
        assertThat(versions(former, id)).containsExactly(1);
        for (int later : List.of(2, 3)) {
            assertProblem(getAs(former, CONTRACTS + "/" + id + "/versions/" + later), 404, "contract-not-found");
        }
        assertProblem(post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"2025-12-31\"}",
                "Authorization", "Bearer " + former), 404, "contract-not-found");
        assertThat(versions(insurer("3311"), id)).containsExactly(1, 2, 3);
    }

    @Test
    void aPartyAnOpenAmendmentAdds_seesTheProposedVersion_andItsAcceptanceIsNeeded() {
        ObjectNode contract = ownContract();
        String id = register(contract);
        HttpResponse<String> proposed = post(CONTRACTS + "/" + id + "/amendments",
                amendment(withNurse(contract, nextNurseAgb), 10_000_000), "If-Match", "\"1\"");
        assertThat(json(proposed).get("proposal").get("pendingAcceptances").values())
                .extracting(party -> party.has("agb") ? party.get("agb").asString() : party.get("uzovi").asString())
                .containsExactly("3343", gpAgb, nurseAgb, nextNurseAgb);
        String added = provider(nextNurseAgb);

        HttpResponse<String> seen = getAs(added, CONTRACTS + "/" + id);
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(json(seen).get("status").asString()).isEqualTo("PROPOSED");
        assertThat(json(seen).get("version").asInt()).isEqualTo(2);
        assertThat(seen.headers().firstValue("ETag")).contains("\"p2-1\"");
        assertThat(json(seen).get("proposal").get("kind").asString()).isEqualTo("AMENDMENT");
        assertThat(json(getAs(added, CONTRACTS + "/" + id + "/versions"))).as("it signed no version yet").isEmpty();
        assertProblem(getAs(added, CONTRACTS + "/" + id + "/versions/1"), 404, "contract-not-found");

        HttpResponse<String> answer = decide(id, added, "\"p2-1\"", "{\"decision\":\"ACCEPT\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("proposal").get("pendingAcceptances")).hasSize(3);
    }

    private List<Integer> versions(String token, String id) {
        HttpResponse<String> response = getAs(token, CONTRACTS + "/" + id + "/versions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).values().stream().map(version -> version.get("version").asInt()).toList();
    }

    /** The manual example with Zvw providers of its own, so it overlaps no other test's contract. */
    private ObjectNode ownContract() {
        ObjectNode contract = aContract();
        at(contract, "parties", 0).put("agb", gpAgb);
        at(contract, "parties", 1).put("agb", nurseAgb);
        return contract;
    }

    /** The same contract with another district-nursing provider. */
    private static ObjectNode withNurse(ObjectNode contract, String agb) {
        ObjectNode changed = contract.deepCopy();
        at(changed, "parties", 1).put("agb", agb).put("name", "Wijkzorg Noord-Oost");
        return changed;
    }

    private static ObjectNode amendment(ObjectNode contract, long lumpSumCents) {
        ObjectNode changed = contract.deepCopy();
        ((ObjectNode) changed.get("budget")).put("lumpSumCents", lumpSumCents);
        ObjectNode amendment = JSON.createObjectNode().put("effectiveFrom", "2026-01-01");
        amendment.set("contract", changed);
        return amendment;
    }
}
