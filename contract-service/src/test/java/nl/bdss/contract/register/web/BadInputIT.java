package nl.bdss.contract.register.web;

import static nl.bdss.contract.register.web.ContractRulesIT.at;
import static nl.bdss.contract.register.web.ContractRulesIT.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Input that cannot be read gets problem+json with a precise message, and nothing is stored. (Bodies over the size
 * limit: ContractSecurityIT, as the limit is the security filters'.)
 */
class BadInputIT extends ContractApiSupport {

    private long contractsBefore;

    @BeforeEach
    void countContracts() {
        contractsBefore = storedContracts();
    }

    @Test
    void malformedJson_is400_withLineAndColumn() {
        HttpResponse<String> response = post(CONTRACTS, "{\"reference\": \"X\",\n \"title\": }");

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("detail").asString()).startsWith("malformed JSON at line 2");
    }

    @Test
    void unknownEnumValue_is400_namingFieldAndAllowedValues() {
        ObjectNode contract = aContract();
        at(contract, "parties", 2).put("domain", "GEMEENTE");

        JsonNode problem = problem(post(CONTRACTS, contract), 400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("parties[2].domain");
        assertThat(problem.get("detail").asString()).contains("GEMEENTE").contains("JEUGDWET");
    }

    @Test
    void unknownSectorAsShareKey_isARuleViolation_notABadRequest_R7() {
        // the sectors are reference data now (R7), not an enum the JSON reader knows: the rules name the key
        ObjectNode contract = aContract();
        obj(obj(contract, "budget"), "zvwSectorSharesBasisPoints").put("TANDARTS", 1);

        JsonNode problem = problem(post(CONTRACTS, contract), 422);

        assertThat(problem.get("type").asString()).isEqualTo("urn:bdss:problem:contract-rules-violated");
        assertThat(problem.get("errors").values()).anySatisfy(error -> {
            assertThat(error.get("field").asString()).isEqualTo("budget.zvwSectorSharesBasisPoints.TANDARTS");
            assertThat(error.get("rule").asString()).isEqualTo("R7");
        });
    }

    @Test
    void wrongJsonType_is400_namingTheField() {
        ObjectNode contract = aContract();
        obj(contract, "budget").put("lumpSumCents", "veel");

        JsonNode problem = problem(post(CONTRACTS, contract), 400);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("budget.lumpSumCents");
    }

    @Test
    void missingBody_is400() {
        problem(post(CONTRACTS, ""), 400);
    }

    @Test
    void wrongContentType_is415() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(CONTRACTS))
                .POST(HttpRequest.BodyPublishers.ofString(manualExampleText())), "Content-Type", "text/plain");

        JsonNode problem = problem(response, 415);
        assertThat(problem.get("detail").asString()).contains("text/plain");
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:bdss:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(storedContracts()).as("nothing stored").isEqualTo(contractsBefore);
        return problem;
    }
}
