package nl.bdss.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.bdss.security.testapp.SecurityTestApplication;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = SecurityTestApplication.CONFIG_NAME)
@UsesInfrastructure(database = "security")
@UsesTestTokenIssuer
class AuditTrailIT {

    static final TestTokenIssuer tokens = TestTokenIssuer.get();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void write_isRecorded_withClientRoleUzoviActionObjectAndOutcome() {
        HttpResponse<String> response = Http.post(port, "/api/v1/things", tokens.token("insurer-w1", "insurer", "3343"));

        assertThat(response.statusCode()).isEqualTo(201);
        List<Map<String, Object>> rows = entriesOf("insurer-w1");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("role", "INSURER").containsEntry("uzovi", "3343")
                .containsEntry("action", "POST /api/v1/things").containsEntry("object_type", "thing")
                .containsEntry("outcome", 201);
        assertThat(response.body()).contains(row.get("object_id").toString());
        assertThat(row.get("occurred_at")).isNotNull();
    }

    @Test
    void refusedWrite_isRecordedWithItsOutcome() {
        HttpResponse<String> response = Http.post(port, "/api/v1/things", tokens.token("ttp-w2", "ttp", null));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(entriesOf("ttp-w2")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("role", "TTP").containsEntry("outcome", 403)
                .containsEntry("action", "POST /api/v1/things"));
    }

    @Test
    void sensitiveRead_isRecorded_withThePathTemplateAndObjectFromThePath() {
        Http.get(port, "/api/v1/settlements/S-77", tokens.token("operator-r1", "operator", null));

        assertThat(entriesOf("operator-r1")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "GET /api/v1/settlements/{settlementId}")
                .containsEntry("object_type", "settlements").containsEntry("object_id", "S-77")
                .containsEntry("outcome", 200));
    }

    @Test
    void ordinaryRead_isNotRecorded() {
        HttpResponse<String> response = Http.get(port, "/api/v1/things/1", tokens.token("operator-r2", "operator", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(entriesOf("operator-r2")).isEmpty();
    }

    @Test
    void auditTrail_refusesUpdateAndDelete() {
        Http.post(port, "/api/v1/things", tokens.token("insurer-w3", "insurer", "3311"));

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set outcome = 200 where client_id = 'insurer-w3'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where client_id = 'insurer-w3'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(entriesOf("insurer-w3")).hasSize(1);
    }

    @Test
    void operator_queriesTheAuditTrailByClient_andThatReadIsRecordedToo() {
        Http.post(port, "/api/v1/things", tokens.token("insurer-q1", "insurer", "3311"));
        Http.post(port, "/api/v1/things", tokens.token("insurer-q1", "insurer", "3311"));

        HttpResponse<String> response = Http.get(port, "/api/v1/audit?client=insurer-q1&page=0&size=1",
                tokens.token("operator-q1", "operator", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"clientId\":\"insurer-q1\"", "\"totalElements\":2", "\"size\":1",
                "\"totalPages\":2");
        assertThat(entriesOf("operator-q1")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "GET /api/v1/audit"));
    }

    @Test
    void auditQuery_withFromAfterTo_isABadRequest() {
        HttpResponse<String> response = Http.get(port,
                "/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", tokens.operator());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be before");
    }

    @Test
    void auditTrail_isForOperatorsOnly() {
        assertThat(Http.get(port, "/api/v1/audit", tokens.insurer("3311")).statusCode()).isEqualTo(403);
        assertThat(Http.get(port, "/api/v1/audit", tokens.ttp()).statusCode()).isEqualTo(403);
        assertThat(Http.get(port, "/api/v1/audit", null).statusCode()).isEqualTo(401);
    }

    /**
     * The client's audit entries. An entry is written once the response is complete, which can be just after the
     * client has it, so this waits up to two seconds for the first one to appear (an expected absence costs the
     * full wait).
     */
    private List<Map<String, Object>> entriesOf(String clientId) {
        long deadline = System.currentTimeMillis() + 2_000;
        List<Map<String, Object>> rows;
        do {
            rows = jdbc.sql("select * from audit_entry where client_id = :client order by id")
                    .param("client", clientId).query().listOfRows();
        } while (rows.isEmpty() && System.currentTimeMillis() < deadline && pause());
        return rows;
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
