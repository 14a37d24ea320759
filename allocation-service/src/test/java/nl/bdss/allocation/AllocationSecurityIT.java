package nl.bdss.allocation;

import static nl.bdss.events.fixtures.AvroJson.avroJsonText;
import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bdss.events.Topics;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.contract.Insurer;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.security.testing.SecuredEndpoint;
import nl.bdss.security.testing.SecurityContract;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.Infrastructure;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of every allocation-service endpoint against the in-process test issuer: the shared contract (401, 403,
 * 413, 429 in the one problem shape) over the endpoint table, and this service's own scenarios: tenant isolation (an
 * insurer never sees another insurer's deliveries or the allocations of contracts it is no party to: 404 and
 * filtered lists), refused requests storing nothing, and the audit trail of writes and sensitive reads.
 *
 * <p>The intake path streams national files and is exempt from the body limit where the service runs; here the
 * exemption is lifted (and the limit lowered) so that the contract's 413 scenario runs on this service's endpoints.
 */
@SpringBootTest(properties = {AllocationServiceApplication.CONFIG_NAME, SecurityContract.RATE_LIMIT_REQUESTS_PER_SECOND,
        SecurityContract.RATE_LIMIT_BURST_PROPERTY, "bdss.security.large-request-paths=",
        "bdss.security.max-request-bytes=" + AllocationSecurityIT.MAX_REQUEST_BYTES},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "allocation")
@UsesTestTokenIssuer
class AllocationSecurityIT extends SecurityContract {

    static final long MAX_REQUEST_BYTES = 65_536;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern DELIVERY_ID = Pattern.compile("\"deliveryId\":\"([^\"]+)\"");
    /** Reference dates no other test uses, so that these datasets are this test's own. */
    private static final LocalDate ONLY_3311_DATE = LocalDate.of(2031, 3, 1);
    private static final LocalDate MIXED_DATE = LocalDate.of(2031, 4, 1);
    /** Well-formed deliveries for the endpoint table, of a date no contract uses. */
    private static final String CSV_DELIVERY = csv(MIXED_DATE.plusYears(1), "3311,1011,1");
    private static final String JSON_DELIVERY = "{\"referenceDate\":\"2032-04-01\",\"counts\":[{\"uzovi\":\"3311\","
            + "\"postcode\":\"1011\",\"insuredCount\":1}]}";
    private static final String CONTRACT_VERSION_JSON = "application/vnd.bdss.contract-version+json";
    private static final String REOPEN_BODY = "{\"reason\":\"counts corrected\",\"years\":[2025]}";
    private static final String REOPEN_ALL_BODY = "{\"reason\":\"counts corrected\",\"years\":[2025],"
            + "\"source\":\"TRUSTED_THIRD_PARTY\",\"referenceDate\":\"2025-03-01\"}";
    /** The manual's example as a draft, in Avro's JSON encoding: a well-formed preview request. */
    private static final String PREVIEW_BODY = avroJsonText(ManualExampleEvents.registered(UUID.randomUUID().toString()));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static final JsonMapper JSON = JsonMapper.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A TTP delivery holding rows of insurer 3311 only. */
    private String only3311Delivery;
    /** A TTP delivery holding 3 rows of 3311 and 2 of 3343. */
    private String mixedDelivery;
    /** A contract with 3311 as its only insurer. */
    private String contractOf3311;
    /** A contract of 3311 and 3343. */
    private String sharedContract;

    @BeforeAll
    void deliverCountsAndPublishContracts() throws Exception {
        HttpResponse<String> only3311 = postCsv(tokens.ttp(), csv(ONLY_3311_DATE, "3311,1011,1200", "3311,1012,1200",
                "3311,1013,1200", "3311,1015,1200", "3311,1016,1200"));
        assertThat(only3311.statusCode()).as(only3311.body()).isEqualTo(201);
        only3311Delivery = deliveryId(only3311);
        HttpResponse<String> mixed = postCsv(tokens.ttp(), csv(MIXED_DATE, "3311,1011,600", "3311,1012,600",
                "3311,1013,600", "3343,1011,400", "3343,1012,400"));
        assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(201);
        mixedDelivery = deliveryId(mixed);

        contractOf3311 = UUID.randomUUID().toString();
        sharedContract = UUID.randomUUID().toString();
        ContractVersionPublished soloContract = ManualExampleEvents.contractVersion(contractOf3311, 1,
                ManualExampleEvents.VALID_FROM, ManualExampleEvents.contract()
                        .setInsurers(List.of(new Insurer("3311", "Zorgverzekeraar A")))
                        .setPurchasing(countedBy3rdPartyOn(ONLY_3311_DATE)).build()).build();
        ContractVersionPublished shared = ManualExampleEvents.contractVersion(sharedContract, 1,
                ManualExampleEvents.VALID_FROM, ManualExampleEvents.contract()
                        .setPurchasing(countedBy3rdPartyOn(MIXED_DATE)).build()).build();
        try (KafkaProducer<String, ContractVersionPublished> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.CONTRACT_VERSIONS.name(), contractOf3311, soloContract)).get();
            producer.send(new ProducerRecord<>(Topics.CONTRACT_VERSIONS.name(), sharedContract, shared)).get();
        }
        awaitAllocation(contractOf3311);
        awaitAllocation(sharedContract);
    }

    /** The example's market-share definition, with counts of the trusted third party on another reference date. */
    private static nl.bdss.events.contract.Purchasing countedBy3rdPartyOn(LocalDate referenceDate) {
        return ManualExampleEvents.purchasing("INSURED_COUNT_IN_SERVICE_AREA", referenceDate, CountSource.TRUSTED_THIRD_PARTY);
    }

    /**
     * Every endpoint, with objects of insurer 3311 (and paying provider 01012345, the example's main contractor) where
     * the path names one, and the roles that have business there.
     */
    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                SecuredEndpoint.post("/api/v1/insured-counts", CSV_DELIVERY, "ttp").withContentType("text/csv"),
                SecuredEndpoint.post("/api/v1/insured-counts", JSON_DELIVERY, "ttp"),
                SecuredEndpoint.get("/api/v1/insured-counts/deliveries", "insurer", "ttp", "operator"),
                SecuredEndpoint.get("/api/v1/insured-counts/deliveries/" + only3311Delivery, "insurer", "ttp", "operator"),
                SecuredEndpoint.get("/api/v1/allocations/" + contractOf3311, "insurer", "provider", "operator"),
                SecuredEndpoint.get("/api/v1/allocations/" + contractOf3311 + "/history", "insurer", "provider", "operator"),
                SecuredEndpoint.get("/api/v1/allocations/" + contractOf3311 + "/explanation", "insurer", "provider", "operator"),
                SecuredEndpoint.post("/api/v1/allocations/preview", PREVIEW_BODY, "insurer", "provider", "operator")
                        .withContentType(CONTRACT_VERSION_JSON),
                // a dry run by default: stores nothing
                SecuredEndpoint.post("/api/v1/allocations/" + contractOf3311 + "/reopen", REOPEN_BODY, "operator"),
                SecuredEndpoint.post("/api/v1/allocations/reopen", REOPEN_ALL_BODY, "operator"));
    }

    @Test
    void reopen_isForOperatorsOnly_refusesABadBodyOrAnUnknownContract_andAuditsTheOperator() {
        String path = "/api/v1/allocations/" + contractOf3311 + "/reopen";
        long before = reopens();
        for (String token : List.of(tokens.insurer("3311"), tokens.provider("01012345"), tokens.ttp())) {
            assertProblem(exchange("POST", path + "?dryRun=false", "application/json", token, REOPEN_BODY), 403, "forbidden");
        }
        JsonNode noReason = assertProblem(exchange("POST", path, "application/json", tokens.operator(),
                "{\"years\":[2025]}"), 400, "invalid-request");
        assertThat(noReason.path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(noReason.path("errors").get(0).path("rule").asString()).isEqualTo("REQUEST");
        assertProblem(exchange("POST", path, "application/json", tokens.operator(), "{\"reason\":\"   \"}"), 400,
                "invalid-request");
        // 501 characters: one too many
        assertProblem(exchange("POST", path + "?dryRun=false", "application/json", tokens.operator(),
                "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400, "invalid-request");
        JsonNode notAYear = assertProblem(exchange("POST", path + "?dryRun=false", "application/json", tokens.operator(),
                "{\"reason\":\"check\",\"years\":[2031]}"), 400, "invalid-request");
        assertThat(notAYear.path("errors").get(0).path("field").asString()).isEqualTo("years");
        assertProblem(exchange("POST", "/api/v1/allocations/" + UUID.randomUUID() + "/reopen?dryRun=false",
                "application/json", tokens.operator(), REOPEN_BODY), 404, "allocation-not-found");
        assertThat(reopens()).isEqualTo(before);

        HttpResponse<String> real = exchange("POST", path + "?dryRun=false", "application/json",
                tokens.token("operator-jansen", "operator", null), REOPEN_BODY);

        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(reopens()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select client_id from allocation_reopen where contract_id = ? order by id desc limit 1")
                .param(contractOf3311).query(String.class).single()).isEqualTo("operator-jansen");
    }

    private long reopens() {
        return jdbc.sql("select count(*) from allocation_reopen where contract_id = ?").param(contractOf3311)
                .query(Long.class).single();
    }

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected long maxRequestBytes() {
        return MAX_REQUEST_BYTES;
    }

    @Test
    void refusedDeliveries_storeNothing_R11() {
        long before = deliveries();
        List<String> refused = new ArrayList<>(tokens.refusedTokens().values());
        // only the trusted third party delivers: not an insurer (its file would replace the other insurers' counts),
        // not the operator
        refused.add(tokens.insurer("3311"));
        refused.add(tokens.operator());
        refused.add(tokens.token("stranger", "profile", null));

        for (String token : refused) {
            assertThat(exchange("POST", "/api/v1/insured-counts", "text/csv", token, csv(ONLY_3311_DATE, "3311,1011,1"))
                    .statusCode()).isIn(401, 403);
            assertThat(exchange("POST", "/api/v1/insured-counts", "application/json", token, JSON_DELIVERY).statusCode())
                    .isIn(401, 403);
        }
        assertThat(deliveries()).isEqualTo(before);
    }

    @Test
    void otherMethodsOnTheServicePaths_areRefusedForEveryRole() {
        HttpRequest delete = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/insured-counts/deliveries/" + only3311Delivery))
                .header("Authorization", "Bearer " + tokens.operator()).DELETE().build();
        try {
            assertThat(http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void trustedThirdParty_deliversJson_andTheDeliveryRecordsTheClientFromTheToken() {
        String json = "{\"source\":\"INSURERS\",\"referenceDate\":\"2031-05-01\",\"counts\":[{\"uzovi\":\"3311\","
                + "\"postcode\":\"1011\",\"insuredCount\":5}]}";

        HttpResponse<String> accepted = exchange("POST", "/api/v1/insured-counts", "application/json", tokens.ttp(), json);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String id = deliveryId(accepted);
        assertThat(jdbc.sql("select delivered_by_client from insured_count_delivery where id = cast(? as uuid)")
                .param(id).query(String.class).single()).isEqualTo("ttp-vektis");
        assertThat(get("/api/v1/insured-counts/deliveries/" + id, tokens.ttp()).body())
                .contains("\"deliveredBy\":\"ttp-vektis\"");
    }

    @Test
    void theTrustedThirdParty_seesOnlyTheDeliveriesOfItsOwnClient() {
        String otherTtp = tokens.token("ttp-other", "ttp", null);

        assertThat(get("/api/v1/insured-counts/deliveries", tokens.ttp()).body()).contains(only3311Delivery);
        assertThat(get("/api/v1/insured-counts/deliveries/" + only3311Delivery, tokens.ttp()).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/insured-counts/deliveries", otherTtp).body()).isEqualTo("[]");
        assertThat(get("/api/v1/insured-counts/deliveries/" + only3311Delivery, otherTtp).statusCode()).isEqualTo(404);
    }

    @Test
    void operator_readsEveryDeliveryAndAllocation() {
        assertThat(get("/api/v1/insured-counts/deliveries", tokens.operator()).body())
                .contains(only3311Delivery, mixedDelivery);
        assertThat(get("/api/v1/insured-counts/deliveries/" + mixedDelivery, tokens.operator()).body())
                .contains("\"rowCount\":5");
        for (String path : List.of("", "/history", "/explanation")) {
            HttpResponse<String> response = get("/api/v1/allocations/" + contractOf3311 + path, tokens.operator());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).contains(contractOf3311);
        }
    }

    @Test
    void insurer_seesItsOwnDeliveries_withOnlyTheCountOfItsOwnRows() {
        assertThat(get("/api/v1/insured-counts/deliveries", tokens.insurer("3311")).body())
                .contains(only3311Delivery, mixedDelivery);
        assertThat(get("/api/v1/insured-counts/deliveries/" + only3311Delivery, tokens.insurer("3311")).body())
                .contains("\"rowCount\":5");
        assertThat(get("/api/v1/insured-counts/deliveries/" + mixedDelivery, tokens.insurer("3311")).body())
                .contains("\"rowCount\":3");
        assertThat(get("/api/v1/insured-counts/deliveries/" + mixedDelivery, tokens.insurer("3343")).body())
                .contains("\"rowCount\":2");
    }

    @Test
    void insurer3343_askingFor3311sDelivery_getsTheSame404AsForAnUnknownId() {
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> others = get("/api/v1/insured-counts/deliveries/" + only3311Delivery, tokens.insurer("3343"));
        HttpResponse<String> missing = get("/api/v1/insured-counts/deliveries/" + unknown, tokens.insurer("3343"));

        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(others.body().replace(only3311Delivery, "ID")).isEqualTo(missing.body().replace(unknown, "ID"));
    }

    @Test
    void insurer3343_listsNoDeliveryWithoutRowsOfItsOwn() {
        String body = get("/api/v1/insured-counts/deliveries", tokens.insurer("3343")).body();

        assertThat(body).doesNotContain(only3311Delivery).contains(mixedDelivery);
        Matcher ids = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        int listed = 0;
        while (ids.find()) {
            listed++;
            assertThat(jdbc.sql("select count(*) from insured_count where delivery_id = cast(? as uuid) and uzovi = '3343'")
                    .param(ids.group(1)).query(Long.class).single()).as(ids.group(1)).isPositive();
        }
        assertThat(listed).isPositive();
    }

    @Test
    void insurer3343_askingForAllocationsOfA3311Contract_getsTheSame404AsForAnUnknownContract() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("", "/history", "/explanation")) {
            HttpResponse<String> others = get("/api/v1/allocations/" + contractOf3311 + path, tokens.insurer("3343"));
            HttpResponse<String> missing = get("/api/v1/allocations/" + unknown + path, tokens.insurer("3343"));

            assertThat(others.statusCode()).as(path).isEqualTo(404);
            assertThat(others.body().replace(contractOf3311, "ID")).as(path)
                    .isEqualTo(missing.body().replace(unknown, "ID"));
        }
        assertThat(get("/api/v1/allocations/" + contractOf3311, tokens.insurer("3311")).statusCode()).isEqualTo(200);
    }

    @Test
    void participatingInsurer_seesTheWholeSplit_butOnlyItsOwnCountsPerPostcode() {
        HttpResponse<String> allocation = get("/api/v1/allocations/" + sharedContract, tokens.insurer("3343"));
        assertThat(allocation.statusCode()).isEqualTo(200);
        assertThat(allocation.body()).contains("\"uzovi\":\"3311\"", "\"uzovi\":\"3343\"");
        assertThat(get("/api/v1/allocations/" + sharedContract + "/history", tokens.insurer("3343")).statusCode())
                .isEqualTo(200);

        // but no count of 3311: its share in basis points only, the counts per postcode 3343's own
        JsonNode view = JSON.readTree(allocation.body());
        assertThat(view.path("marketShares").get(0).toString()).isEqualTo("{\"uzovi\":\"3311\",\"basisPoints\":6923}");
        assertThat(view.path("marketShares").get(1).toString())
                .isEqualTo("{\"uzovi\":\"3343\",\"insuredCount\":800,\"basisPoints\":3077}");
        assertThat(view.path("serviceAreaCounts").findValuesAsString("uzovi")).containsOnly("3343").hasSize(2);
        assertThat(view.has("unfundedInsuredCount")).isFalse();

        HttpResponse<String> explanation = get("/api/v1/allocations/" + sharedContract + "/explanation",
                tokens.insurer("3343"));
        assertThat(explanation.statusCode()).isEqualTo(200);
        assertThat(explanation.body()).contains("\"countsPerInsurerAndPostcode\":{\"3343\":{")
                .doesNotContain("\"3311\":{");
        assertThat(get("/api/v1/allocations/" + sharedContract + "/explanation", tokens.operator()).body())
                .contains("\"3311\":{", "\"3343\":{");
    }

    @Test
    void theMainContractor_readsTheAllocationsThatPayIt_onlyItsOwnLines_andNoCounts_R10() {
        String mainContractor = tokens.provider(ManualExampleEvents.MAIN_CONTRACTOR_AGB);
        for (String path : List.of("", "/history", "/explanation")) {
            HttpResponse<String> response = get("/api/v1/allocations/" + sharedContract + path, mainContractor);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("insuredCount", "serviceAreaCounts", "unfundedInsuredCount");
        }
        JsonNode allocation = JSON.readTree(get("/api/v1/allocations/" + sharedContract, mainContractor).body());
        assertThat(allocation.path("periods")).hasSize(2);
        assertThat(allocation.path("periods").findValuesAsString("payeeAgb")).hasSize(8)
                .containsOnly(ManualExampleEvents.MAIN_CONTRACTOR_AGB);
        assertThat(allocation.path("periods").findValuesAsString("domain")).containsOnly("ZVW");
        assertThat(JSON.readTree(get("/api/v1/allocations/" + sharedContract + "/explanation", mainContractor).body())
                .path("countsPerInsurerAndPostcode").toString()).isEqualTo("{}");
    }

    @Test
    void aProviderTheContractDoesNotPay_getsTheSame404AsForAnUnknownContract() {
        String unknown = UUID.randomUUID().toString();
        // wijkzorg-noord is a Zvw party, but the main contractor pays it: no line of the insurers pays it (R10)
        // (a provider token without an agb claim never gets this far: the token is refused, 401, see TestTokenIssuer)
        List<String> unpaid = List.of(tokens.provider(ManualExampleEvents.DISTRICT_NURSING_AGB), tokens.provider("12345678"));
        for (String token : unpaid) {
            for (String path : List.of("", "/history", "/explanation")) {
                HttpResponse<String> others = get("/api/v1/allocations/" + contractOf3311 + path, token);
                HttpResponse<String> missing = get("/api/v1/allocations/" + unknown + path, token);

                assertThat(others.statusCode()).as(path).isEqualTo(404);
                assertThat(others.body().replace(contractOf3311, "ID")).as(path)
                        .isEqualTo(missing.body().replace(unknown, "ID"));
            }
        }
    }

    @Test
    void aPreview_isAudited_withTheContractItPreviews_andStoresNothing() {
        String draft = UUID.randomUUID().toString();

        HttpResponse<String> preview = exchange("POST", "/api/v1/allocations/preview", CONTRACT_VERSION_JSON,
                tokens.insurer("3343"), avroJsonText(ManualExampleEvents.registered(draft)));

        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(audited("insurer-3343", "POST /api/v1/allocations/preview", draft))
                .containsExactly(Map.of("role", "INSURER", "object_type", "allocation-preview", "outcome", 200));
        assertThat(jdbc.sql("select count(*) from allocation where contract_id = ?").param(draft).query(Long.class)
                .single()).isZero();
    }

    @Test
    void deliveriesAndSensitiveReads_areAudited_withClientRoleUzoviObjectAndOutcome() {
        get("/api/v1/allocations/" + contractOf3311, tokens.operator());
        get("/api/v1/allocations/" + contractOf3311 + "/explanation", tokens.insurer("3343"));
        get("/api/v1/insured-counts/deliveries/" + only3311Delivery, tokens.insurer("3343"));

        assertThat(audited("ttp-vektis", "POST /api/v1/insured-counts", only3311Delivery))
                .containsExactly(Map.of("role", "TTP", "object_type", "insured-count-delivery", "outcome", 201));
        assertThat(audited("operator", "GET /api/v1/allocations/{contractId}", contractOf3311))
                .contains(Map.of("role", "OPERATOR", "object_type", "allocations", "outcome", 200));
        assertThat(audited("insurer-3343", "GET /api/v1/allocations/{contractId}/explanation", contractOf3311))
                .contains(Map.of("role", "INSURER", "object_type", "allocations", "outcome", 404));
        assertThat(audited("insurer-3343", "GET /api/v1/insured-counts/deliveries/{id}", only3311Delivery))
                .contains(Map.of("role", "INSURER", "object_type", "deliveries", "outcome", 404));
        assertThat(jdbc.sql("select count(*) from audit_entry where client_id = 'insurer-3343' and uzovi = '3343'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void refusedDeliveries_areAuditedWithTheirOutcome() {
        postCsv(tokens.insurer("3311"), csv(ONLY_3311_DATE, "3311,1011,1"));

        assertThat(jdbc.sql("select count(*) from audit_entry where client_id = 'insurer-3311' "
                        + "and action = 'POST /api/v1/insured-counts' and outcome = 403")
                .query(Long.class).single()).isPositive();
    }

    private List<Map<String, Object>> audited(String client, String action, String objectId) {
        return jdbc.sql("select role, object_type, outcome from audit_entry where client_id = ? and action = ? "
                        + "and object_id = ? order by id")
                .params(client, action, objectId)
                .query((rs, n) -> Map.<String, Object>of("role", rs.getString("role"),
                        "object_type", rs.getString("object_type"), "outcome", (int) rs.getShort("outcome")))
                .list();
    }

    private long deliveries() {
        return jdbc.sql("select count(*) from insured_count_delivery").query(Long.class).single();
    }

    private void awaitAllocation(String contractId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("select count(*) from allocation where contract_id = ?").param(contractId)
                    .query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no allocation of contract " + contractId + " within " + PATIENCE);
    }

    private static KafkaProducer<String, ContractVersionPublished> producer() {
        Infrastructure infrastructure = Infrastructure.get();
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()));
    }

    private static String csv(LocalDate referenceDate, String... rows) {
        StringBuilder csv = new StringBuilder("uzovi,postcode,referenceDate,insuredCount\n");
        for (String row : rows) {
            String[] fields = row.split(",");
            csv.append(fields[0]).append(',').append(fields[1]).append(',').append(referenceDate).append(',')
                    .append(fields[2]).append('\n');
        }
        return csv.toString();
    }

    private static String deliveryId(HttpResponse<String> accepted) {
        Matcher matcher = DELIVERY_ID.matcher(accepted.body());
        assertThat(matcher.find()).as(accepted.body()).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> postCsv(String token, String csv) {
        return exchange("POST", "/api/v1/insured-counts?source=TRUSTED_THIRD_PARTY", "text/csv", token, csv);
    }

    private HttpResponse<String> get(String path, String token) {
        return exchange("GET", path, null, token, null);
    }

    private HttpResponse<String> exchange(String method, String path, String contentType, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
