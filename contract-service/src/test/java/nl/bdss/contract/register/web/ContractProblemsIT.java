package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every refusal of the register has the one problem shape, with its own type and, where a field is concerned, its name. */
class ContractProblemsIT extends ContractApiSupport {

    @Test
    void malformedSearchParameter_is400_namingTheParameter() {
        JsonNode problem = assertProblem(get(CONTRACTS + "?insurer=331"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("insurer");
        assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("REQUEST");
    }

    @Test
    void unknownEnumValueInTheBody_is400_namingTheField() {
        ObjectNode contract = aContract();
        at(contract, "parties", 3).put("domain", "GEMEENTE");

        JsonNode problem = assertProblem(post(CONTRACTS, contract), 400, "unreadable-request");

        assertThat(fields(problem)).containsExactly("parties[3].domain");
    }

    @Test
    void amendmentWithoutItsDocument_is400_namingContract() {
        String id = register(aContract());

        JsonNode problem = assertProblem(post(CONTRACTS + "/" + id + "/amendments", "{\"effectiveFrom\":\"2026-01-01\"}",
                "If-Match", "*"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("contract");
    }

    @Test
    void unknownContract_is404_contractNotFound() {
        assertProblem(get(CONTRACTS + "/" + UUID.randomUUID()), 404, "contract-not-found");
        assertProblem(get(CONTRACTS + "/not-a-uuid/versions"), 404, "contract-not-found");
    }

    @Test
    void terminatingTwice_is409_illegalTransition() {
        String id = register(aContract());
        terminateAccepted(id, "2025-12-31");

        assertProblem(post(CONTRACTS + "/" + id + "/termination", "{\"endDate\":\"2025-06-30\"}"), 409, "illegal-transition");
    }

    @Test
    void staleOrMalformedIfMatch_is412_versionMismatch() {
        ObjectNode contract = aContract();
        String id = register(contract);
        ObjectNode amendment = ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01");

        assertProblem(post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "\"7\""), 412, "version-mismatch");
        assertProblem(post(CONTRACTS + "/" + id + "/amendments", amendment, "If-Match", "version one"), 412, "version-mismatch");
    }

    @Test
    void amendmentWithoutIfMatch_is428_preconditionRequired() {
        ObjectNode contract = aContract();
        String id = register(contract);

        assertProblem(post(CONTRACTS + "/" + id + "/amendments", ContractLifecycleIT.amendment(contract, 12_000_000, "2026-01-01")),
                428, "precondition-required");
    }

    @Test
    void brokenRules_are422_contractRulesViolated_namingEachFieldAndRule() {
        ObjectNode contract = aContract();
        obj(contract, "budget").put("lumpSumCents", 0);
        contract.put("validUntil", "2029-05-01");

        JsonNode problem = assertProblem(post(CONTRACTS, contract), 422, "contract-rules-violated");

        assertThat(fields(problem)).containsExactly("validUntil", "budget.lumpSumCents");
        assertThat(problem.get("errors").values()).extracting(error -> error.get("rule").asString())
                .containsExactly("R14", "R8");
    }

    @Test
    void idempotencyKeyReusedForAnotherBody_is422_idempotencyKeyReused() {
        ObjectNode contract = aContract();
        String key = UUID.randomUUID().toString();
        assertThat(post(CONTRACTS, contract, "Idempotency-Key", key).statusCode()).isEqualTo(201);

        assertProblem(post(CONTRACTS, contract.put("title", "Een andere titel"), "Idempotency-Key", key), 422,
                "idempotency-key-reused");
    }

    @Test
    void wrongContentType_is415() {
        assertProblem(send(HttpRequest.newBuilder(uri(CONTRACTS)).POST(HttpRequest.BodyPublishers.ofString(manualExampleText())),
                "Content-Type", "text/plain"), 415, "unsupported-media-type");
    }
}
