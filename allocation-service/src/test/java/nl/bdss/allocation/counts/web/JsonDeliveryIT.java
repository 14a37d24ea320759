package nl.bdss.allocation.counts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.allocation.TestProperties;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** JSON deliveries of insured counts through the real endpoint and PostgreSQL (R11). */
@SpringBootTest(properties = {AllocationServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "allocation")
class JsonDeliveryIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void validJsonDelivery_isStoredAsTheCurrentDataset_andAReplacementKeepsTheOldOneAsHistory_R11() throws Exception {
        String delivery = """
                {"source":"TRUSTED_THIRD_PARTY","referenceDate":"2024-02-01","counts":[
                  {"uzovi":"3311","postcode":"1011","insuredCount":1200},
                  {"uzovi":"3343","postcode":"1011","insuredCount":800},
                  {"uzovi":"3311","postcode":"1012","insuredCount":"300","referenceDate":"2024-02-01"}]}
                """;

        HttpResponse<String> first = postJson(delivery, "");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"rowCount\":3").contains("\"source\":\"TRUSTED_THIRD_PARTY\"")
                .contains("\"referenceDate\":\"2024-02-01\"").contains("\"postcodeLevel\":\"PC4\"");
        String firstId = deliveryId(first.body());
        assertThat(jdbc.sql("select sum(insured_count) from insured_count where delivery_id = cast(? as uuid)")
                .param(firstId).query(Long.class).single()).isEqualTo(2300L);

        HttpResponse<String> second = postJson(delivery.replace("1200", "1000"), "");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).contains("\"replacedDeliveryId\":\"" + firstId + "\"");
        assertThat(get("/api/v1/insured-counts/deliveries/" + firstId).body()).contains("\"status\":\"REPLACED\"");
        assertThat(get("/api/v1/insured-counts/deliveries/" + deliveryId(second.body())).body())
                .contains("\"status\":\"CURRENT\"");
    }

    @Test
    void bareArrayOfRows_eachWithItsReferenceDate_isAccepted_withTheSourceFromTheRequest_R11() throws Exception {
        String rows = """
                [{"uzovi":"3311","postcode":"1011 ab","referenceDate":"2024-03-01","insuredCount":5},
                 {"uzovi":"3343","postcode":"1011AC","referenceDate":"2024-03-01","insuredCount":7}]
                """;

        HttpResponse<String> accepted = postJson(rows, "?source=INSURERS");

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(accepted.body()).contains("\"rowCount\":2").contains("\"source\":\"INSURERS\"")
                .contains("\"postcodeLevel\":\"PC6\"");
    }

    @Test
    void invalidJsonDelivery_namesTheArrayElementOfEveryError_andStoresNothing_R6_R11() throws Exception {
        long deliveriesBefore = jdbc.sql("select count(*) from insured_count_delivery").query(Long.class).single();
        long rowsBefore = jdbc.sql("select count(*) from insured_count").query(Long.class).single();
        String bad = """
                {"source":"INSURERS","referenceDate":"2024-04-01","counts":[
                  {"uzovi":"3311","postcode":"1011","insuredCount":10},
                  {"uzovi":"33","postcode":"1012","insuredCount":10},
                  {"uzovi":"3343","postcode":"0123","insuredCount":10},
                  {"uzovi":"3343","postcode":"1013","insuredCount":-4},
                  {"uzovi":"3343","postcode":"1014","insuredCount":2.5},
                  {"uzovi":"3343","postcode":"1015","insuredCount":4,"referenceDate":"2024-05-01"},
                  {"uzovi":"3343","insuredCount":4}]}
                """;

        HttpResponse<String> refused = postJson(bad, "");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).contains("\"field\":\"counts[1].uzovi\"").contains("\"field\":\"counts[2].postcode\"")
                .contains("\"field\":\"counts[3].insuredCount\"").contains("\"field\":\"counts[4].insuredCount\"")
                .contains("\"field\":\"counts[5].referenceDate\"").contains("\"field\":\"counts[6].postcode\"")
                .contains("\"errorCount\":6").doesNotContain("\"field\":\"counts[0]");

        HttpResponse<String> duplicates = postJson("""
                {"referenceDate":"2024-04-01","counts":[
                  {"uzovi":"3311","postcode":"1011","insuredCount":10},
                  {"uzovi":"3311","postcode":"1012","insuredCount":10},
                  {"uzovi":"3311","postcode":"1011","insuredCount":12}]}
                """, "?source=INSURERS");
        assertThat(duplicates.statusCode()).isEqualTo(422);
        assertThat(duplicates.body()).contains("\"field\":\"counts[2]\"").contains("first at counts[0]");

        assertThat(postJson("{\"counts\":[{\"uzovi\":\"3311\"", "").statusCode()).isEqualTo(422);
        assertThat(postJson("{\"source\":\"INSURERS\",\"referenceDate\":\"2024-04-01\",\"counts\":[]}", "?source=TRUSTED_THIRD_PARTY")
                .body()).contains("\"field\":\"source\"");
        assertThat(jdbc.sql("select count(*) from insured_count_delivery").query(Long.class).single()).isEqualTo(deliveriesBefore);
        assertThat(jdbc.sql("select count(*) from insured_count").query(Long.class).single()).isEqualTo(rowsBefore);
    }

    private HttpResponse<String> postJson(String json, String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/insured-counts" + query))
                        .header("Content-Type", "application/json")
                        .header("X-Delivered-By", "json-test")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String deliveryId(String body) {
        int start = body.indexOf("\"deliveryId\":\"") + "\"deliveryId\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }
}
