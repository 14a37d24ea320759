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
    void namesTheOauth2ClientCredentialsSchemeAndABearerToken_forEveryOperation() {
        JsonNode document = json(get("/v3/api-docs"));
        JsonNode schemes = document.get("components").get("securitySchemes");

        JsonNode flow = schemes.get("oauth2").get("flows").get("clientCredentials");
        assertThat(schemes.get("oauth2").get("type").asString()).isEqualTo("oauth2");
        // the issuer the service checks tokens against, and its token endpoint
        assertThat(flow.get("tokenUrl").asString()).endsWith("/oauth2/token").startsWith("http");
        assertThat(flow.get("scopes").propertyNames()).containsExactlyInAnyOrder("insurer", "provider", "ttp", "operator");
        assertThat(schemes.get("bearer").get("type").asString()).isEqualTo("http");
        assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(document.get("security").values()).extracting(requirement -> requirement.propertyNames().iterator().next())
                .containsExactly("oauth2", "bearer");
    }

    @Test
    void exposesHealthAndPrometheus() {
        assertThat(get("/actuator/health").body()).contains("UP");
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/actuator/prometheus")).GET(), "Accept", "text/plain")
                .body()).contains("bdss_outbox_pending");
    }
}
