package nl.bdss.contract.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every endpoint, with the manual's example as request example. */
class OpenApiIT extends ContractApiSupport {

    @Test
    void documentsEveryEndpointWithExamples() {
        JsonNode paths = json(get("/v3/api-docs")).get("paths");

        assertThat(paths.has("/api/v1/contracts")).isTrue();
        assertThat(paths.get("/api/v1/contracts").has("get")).isTrue();
        assertThat(paths.has("/api/v1/contracts/{id}")).isTrue();
        assertThat(paths.has("/api/v1/contracts/{id}/amendments")).isTrue();
        assertThat(paths.has("/api/v1/contracts/{id}/termination")).isTrue();
        assertThat(paths.has("/api/v1/contracts/{id}/versions")).isTrue();
        assertThat(paths.has("/api/v1/contracts/{id}/versions/{version}")).isTrue();
        assertThat(paths.get("/api/v1/contracts/{id}/acceptances").has("post")).isTrue();
        assertThat(paths.get("/api/v1/contracts/{id}/proposal").has("get")).isTrue();
        assertThat(paths.get("/api/v1/contracts/{id}/proposal").has("delete")).isTrue();
        assertThat(paths.get("/api/v1/contracts/{id}/proposal/preview").has("get")).isTrue();
        assertThat(paths.get("/api/v1/contracts/preview").has("post")).isTrue();
        assertThat(paths.get("/api/v1/contracts/{id}/acceptances").toString()).contains("DECLINE").contains("If-Match");
        String register = paths.get("/api/v1/contracts").get("post").toString();
        assertThat(register).contains("IZA-WEST-2025-001").contains("Idempotency-Key");
        assertThat(paths.get("/api/v1/contracts/{id}/amendments").toString()).contains("effectiveFrom").contains("If-Match");
        assertThat(paths.get("/api/v1/contracts/{id}/termination").toString()).contains("endDate");
    }

    @Test
    void exposesHealthAndPrometheus() {
        assertThat(get("/actuator/health").body()).contains("UP");
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/actuator/prometheus")).GET(), "Accept", "text/plain")
                .body()).contains("bdss_outbox_pending");
    }
}
