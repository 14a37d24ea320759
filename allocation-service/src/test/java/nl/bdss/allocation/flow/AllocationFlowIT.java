package nl.bdss.allocation.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.allocation.TestProperties;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.testsupport.Infrastructure;
import nl.bdss.testsupport.UsesInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The allocation flow through real Kafka, PostgreSQL and the registry: counts over REST, contract versions in
 * from the contract topic, allocations out on the allocation topic.
 */
@SpringBootTest(properties = {AllocationServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "allocation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllocationFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    /**
     * The service's business date: before the example's first period falls due (2025-01-01, in advance), so no period
     * is settled and every delivery and version re-allocates all of it, as these tests expect.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class BeforeTheExample {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2024-12-01T09:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, ContractVersionPublished> producer;
    private KafkaConsumer<String, AllocationCalculated> consumer;
    private final List<AllocationCalculated> received = new ArrayList<>();

    @BeforeAll
    void connect() {
        Infrastructure infrastructure = Infrastructure.get();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl()));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "allocation-flow-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl(),
                SerdeConfig.SPECIFIC_AVRO_READER, true));
        consumer.subscribe(List.of(Topics.ALLOCATIONS.name()));
    }

    @AfterAll
    void disconnect() {
        producer.close();
        consumer.close();
    }

    @Test
    void manualExample_isSplitExactly_andPublishedOnTheAllocationTopic_R7_R10_R11() throws Exception {
        HttpResponse<String> delivery = postCsv(exampleCsv(), "TRUSTED_THIRD_PARTY");
        assertThat(delivery.statusCode()).isEqualTo(201);
        assertThat(delivery.body()).contains("\"rowCount\":17");
        String contractId = UUID.randomUUID().toString();

        publish(ManualExampleEvents.registered(contractId));

        AllocationCalculated allocation = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        // the contract's own reference goes along, for settlement and downstream finance to name it
        assertThat(allocation.getContractReference()).isEqualTo("IZA-WEST-2025-001");
        assertThat(allocation.getStatus()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(allocation.getMarketShares()).extracting(s -> s.getUzovi() + "=" + s.getBasisPoints())
                .containsExactly("3311=6000", "3343=4000");
        assertThat(allocation.getPeriods()).hasSize(2);
        allocation.getPeriods().forEach(period -> {
            assertThat(period.getAmountCents()).isEqualTo(10_000_000);
            assertThat(period.getLines()).extracting(AllocationLine::getDomain, AllocationLine::getSector,
                    AllocationLine::getUzovi, AllocationLine::getPayeeAgb, AllocationLine::getAmountCents)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "HUISARTSENZORG", "3311", "01012345", 2_100_000L),
                            org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "HUISARTSENZORG", "3343", "01012345", 1_400_000L),
                            org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "WIJKVERPLEGING", "3311", "01012345", 2_100_000L),
                            org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "WIJKVERPLEGING", "3343", "01012345", 1_400_000L),
                            org.assertj.core.groups.Tuple.tuple(LegalDomain.WMO, null, null, null, 1_000_000L),
                            org.assertj.core.groups.Tuple.tuple(LegalDomain.JEUGDWET, null, null, null, 2_000_000L));
        });
        assertThat(allocation.getDatasetId()).isEqualTo(deliveryId(delivery.body()));
        // the counts behind the shares per insurer and area postcode, the key for risk equalisation (R19)
        assertThat(allocation.getServiceAreaCounts())
                .extracting(c -> c.getUzovi() + "/" + c.getPostcode() + "=" + c.getInsuredCount())
                .containsExactly("3311/1011=1200", "3311/1012=1200", "3311/1013=1200", "3311/1015=1200",
                        "3311/1016=1200", "3343/1011=800", "3343/1012=800", "3343/1013=800", "3343/1015=800",
                        "3343/1016=800");

        HttpResponse<String> current = get("/api/v1/allocations/" + contractId);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).contains("\"status\":\"COMPLETE\"").contains(deliveryId(delivery.body()))
                .contains("{\"uzovi\":\"3343\",\"postcode\":\"1016\",\"insuredCount\":800}");
        assertThat(get("/api/v1/allocations/" + contractId + "/explanation").body())
                .contains("\"1011\":1200").doesNotContain("1017");
    }

    @Test
    void lumpSumAmendedFromMid2026_changesOnly2026_proRataByDays_R8() throws Exception {
        postCsv(exampleCsv(), "TRUSTED_THIRD_PARTY");
        String contractId = UUID.randomUUID().toString();
        publish(ManualExampleEvents.registered(contractId));
        AllocationCalculated registered = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);

        publish(ManualExampleEvents.contractVersion(contractId, 2, LocalDate.of(2026, 7, 1), termsWithLumpSum(12_000_000))
                .build());

        AllocationCalculated amended = awaitAllocation(contractId, a -> a.getAllocationVersion() == 2);
        assertThat(amended.getContractVersion()).isEqualTo(2);
        assertThat(amended.getLumpSumCents()).isEqualTo(12_000_000);
        assertThat(amended.getPeriods().get(0)).isEqualTo(registered.getPeriods().get(0));
        assertThat(amended.getPeriods().get(0).getLines()).filteredOn(line -> line.getDomain() == LegalDomain.ZVW)
                .extracting(AllocationLine::getUzovi, AllocationLine::getAmountCents)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("3311", 2_100_000L),
                        org.assertj.core.groups.Tuple.tuple("3343", 1_400_000L),
                        org.assertj.core.groups.Tuple.tuple("3311", 2_100_000L),
                        org.assertj.core.groups.Tuple.tuple("3343", 1_400_000L));
        var year2026 = amended.getPeriods().get(1);
        // 10,000,000 x 181/365 + 12,000,000 x 184/365 = 11,008,219.18, rounded half up
        assertThat(year2026.getAmountCents()).isEqualTo(11_008_219L);
        assertThat(year2026.getLines()).extracting(AllocationLine::getDomain, AllocationLine::getSector,
                        AllocationLine::getUzovi, AllocationLine::getAmountCents)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LegalDomain.WMO, null, null, 1_100_821L),
                        org.assertj.core.groups.Tuple.tuple(LegalDomain.JEUGDWET, null, null, 2_201_644L),
                        org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "HUISARTSENZORG", "3311", 2_311_727L),
                        org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "HUISARTSENZORG", "3343", 1_541_151L),
                        org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "WIJKVERPLEGING", "3311", 2_311_726L),
                        org.assertj.core.groups.Tuple.tuple(LegalDomain.ZVW, "WIJKVERPLEGING", "3343", 1_541_150L));
    }

    @Test
    void anAmendmentStatingOnlyTheScheduleAndVat_publishesThem_withTheSameSplit_R8_R10() throws Exception {
        postCsv(exampleCsv(), "TRUSTED_THIRD_PARTY");
        String contractId = UUID.randomUUID().toString();
        publish(ManualExampleEvents.registered(contractId));
        AllocationCalculated registered = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        assertThat(registered.getPaymentSchedule()).isEqualTo(nl.bdss.events.common.PaymentSchedule.PER_PERIOD);
        assertThat(registered.getPayeeVat()).isEmpty();

        var contract = ManualExampleEvents.contract().setPaymentSchedule(nl.bdss.events.common.PaymentSchedule.QUARTERLY)
                .build();
        contract.getParties().get(0).setVat(new nl.bdss.events.contract.PartyVat(
                nl.bdss.events.common.VatTreatment.INCLUDED, 900));
        publish(ManualExampleEvents.contractVersion(contractId, 2, LocalDate.of(2025, 1, 1), contract).build());

        AllocationCalculated amended = awaitAllocation(contractId, a -> a.getAllocationVersion() == 2);
        assertThat(amended.getPaymentSchedule()).isEqualTo(nl.bdss.events.common.PaymentSchedule.QUARTERLY);
        // the main contractor hap-west (01012345) is the one payee, VAT included at 9%
        assertThat(amended.getPayeeVat()).extracting(v -> v.getPayeeAgb() + " " + v.getTreatment() + " " + v.getRateBasisPoints())
                .containsExactly("01012345 INCLUDED 900");
        assertThat(amended.getPeriods()).isEqualTo(registered.getPeriods());
    }

    @Test
    void overlapFlaggedVersion_changesNoTerm_andPublishesNothing_R4_R22() throws Exception {
        postCsv(exampleCsv(), "TRUSTED_THIRD_PARTY");
        String contractId = UUID.randomUUID().toString();
        publish(ManualExampleEvents.registered(contractId));
        awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);

        publish(ManualExampleEvents.contractVersion(contractId, 2, LocalDate.of(2025, 6, 1), ManualExampleEvents.contract()
                        .setOverlappingContractIds(List.of(UUID.randomUUID().toString())).build())
                .setChange(ContractChange.OVERLAP_FLAGGED).build());
        // a later real change proves version 2 was consumed before it (same key, same partition)
        publish(withLumpSum(contractId, 3, 11_000_000));

        AllocationCalculated afterAmendment = awaitAllocation(contractId, a -> a.getContractVersion() == 3);
        assertThat(afterAmendment.getAllocationVersion()).isEqualTo(2);
        assertThat(received).filteredOn(a -> a.getContractId().equals(contractId))
                .extracting(AllocationCalculated::getContractVersion).containsExactly(1, 3);
        assertThat(jdbc.sql("select change from contract_terms_version where contract_id = ? order by version")
                .param(contractId).query(String.class).list()).containsExactly("REGISTERED", "OVERLAP_FLAGGED", "AMENDED");
    }

    @Test
    void pendingAllocation_completesByItself_whenTheMissingCountsArrive_R11() throws Exception {
        String contractId = UUID.randomUUID().toString();
        LocalDate referenceDate = LocalDate.of(2025, 6, 1);

        publish(countedOn(contractId, referenceDate, CountSource.INSURERS, INSURED_COUNT_IN_SERVICE_AREA));
        AllocationCalculated pending = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        assertThat(pending.getStatus()).isEqualTo(AllocationStatus.PENDING);
        assertThat(pending.getPendingReason()).contains("INSURERS").contains("2025-06-01");
        assertThat(pending.getPeriods()).isEmpty();

        String counts = """
                uzovi,postcode,referenceDate,insuredCount
                3311,1011,2025-06-01,300
                3343,1012,2025-06-01,100
                """;
        assertThat(postCsv(counts, "INSURERS").statusCode()).isEqualTo(201);

        AllocationCalculated complete = awaitAllocation(contractId, a -> a.getAllocationVersion() == 2);
        assertThat(complete.getStatus()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(complete.getMarketShares()).extracting(s -> s.getUzovi() + "=" + s.getBasisPoints())
                .containsExactly("3311=7500", "3343=2500");
        assertThat(get("/api/v1/allocations/" + contractId + "/history").body())
                .contains("\"allocationVersion\":1").contains("\"allocationVersion\":2");
    }

    @Test
    void replacedDelivery_recomputesTheContractsItAffects_andAnUnchangedResultPublishesNothing_R11() throws Exception {
        String contractId = UUID.randomUUID().toString();
        LocalDate referenceDate = LocalDate.of(2025, 9, 1);
        String first = """
                uzovi,postcode,referenceDate,insuredCount
                3311,1011AB,2025-09-01,300
                3343,1012CD,2025-09-01,100
                """;
        HttpResponse<String> firstDelivery = postCsv(first, "INSURERS");
        publish(countedOn(contractId, referenceDate, CountSource.INSURERS, INSURED_COUNT_IN_SERVICE_AREA));
        assertThat(awaitAllocation(contractId, a -> a.getAllocationVersion() == 1).getMarketShares())
                .extracting(s -> s.getBasisPoints()).containsExactly(7500, 2500);

        // same counts inside the area, a change outside it: the allocation stays as it is
        HttpResponse<String> unchanged = postCsv(first + "3311,1017AA,2025-09-01,999\n", "INSURERS");
        assertThat(unchanged.body()).contains(deliveryId(firstDelivery.body()));
        HttpResponse<String> changed = postCsv(first.replace("300", "100"), "INSURERS");
        assertThat(changed.statusCode()).isEqualTo(201);

        AllocationCalculated recomputed = awaitAllocation(contractId, a -> a.getAllocationVersion() == 2);
        assertThat(recomputed.getMarketShares()).extracting(s -> s.getBasisPoints()).containsExactly(5000, 5000);
        assertThat(recomputed.getDatasetId()).isEqualTo(deliveryId(changed.body()));
        assertThat(get("/api/v1/insured-counts/deliveries/" + deliveryId(firstDelivery.body())).body())
                .contains("\"status\":\"REPLACED\"").contains("\"replacedBy\":\"" + deliveryId(unchanged.body()) + "\"");
    }

    @Test
    void allInsurersBasis_paysParticipantsTheirShareOfAllInsureds_andShowsTheUnfundedPartPerPeriod_R11() throws Exception {
        String counts = exampleCsv().replace("2025-03-01", "2025-10-01");
        assertThat(postCsv(counts, "TRUSTED_THIRD_PARTY").statusCode()).isEqualTo(201);
        String contractId = UUID.randomUUID().toString();

        publish(countedOn(contractId, LocalDate.of(2025, 10, 1), CountSource.TRUSTED_THIRD_PARTY,
                "INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS"));

        AllocationCalculated allocation = awaitAllocation(contractId, a -> a.getAllocationVersion() == 1);
        assertThat(allocation.getStatus()).isEqualTo(AllocationStatus.COMPLETE);
        assertThat(allocation.getMarketShares()).extracting(s -> s.getUzovi() + "=" + s.getBasisPoints())
                .containsExactly("3311=4800", "3343=3200");
        allocation.getPeriods().forEach(period -> assertThat(period.getLines())
                .filteredOn(line -> line.getDomain() == LegalDomain.ZVW)
                .extracting(AllocationLine::getUzovi, AllocationLine::getAmountCents)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("3311", 1_680_000L), org.assertj.core.groups.Tuple.tuple("3343", 1_120_000L),
                        org.assertj.core.groups.Tuple.tuple("3311", 1_680_000L), org.assertj.core.groups.Tuple.tuple("3343", 1_120_000L)));

        assertThat(get("/api/v1/allocations/" + contractId).body())
                .contains("\"marketShareBasis\":\"INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS\"")
                .contains("\"unfundedInsuredCount\":2500").contains("\"unfundedCents\":1400000")
                .contains("\"unfundedCents\":2800000");
        assertThat(get("/api/v1/allocations/" + contractId + "/explanation").body())
                .contains("\"unfundedPerPeriod\":[{\"start\":\"2025-01-01\",\"end\":\"2025-12-31\",\"amountCents\":10000000,\"unfundedCents\":1400000}")
                .contains("\"7029\":{");
    }

    @Test
    void redeliveredOrOlderContractEvents_publishNothingNew() throws Exception {
        String contractId = UUID.randomUUID().toString();
        ContractVersionPublished version1 = ManualExampleEvents.registered(contractId);
        ContractVersionPublished version2 = withLumpSum(contractId, 2, 20_000_000);
        // version 1 again in an event of its own, with other terms: refused by its version number, not as a redelivery
        ContractVersionPublished version1Again = ContractVersionPublished.newBuilder(withLumpSum(contractId, 1, 30_000_000))
                .setEventId(UUID.randomUUID()).build();
        ContractVersionPublished version3 = withLumpSum(contractId, 3, 40_000_000);

        publish(version1);
        publish(version1);
        publish(version2);
        publish(version2);
        publish(version1Again);
        publish(version3);

        awaitAllocation(contractId, a -> a.getContractVersion() == 3);
        assertThat(received).filteredOn(a -> a.getContractId().equals(contractId))
                .extracting(AllocationCalculated::getAllocationVersion, AllocationCalculated::getContractVersion,
                        AllocationCalculated::getLumpSumCents)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 1, 10_000_000L),
                        org.assertj.core.groups.Tuple.tuple(2, 2, 20_000_000L),
                        org.assertj.core.groups.Tuple.tuple(3, 3, 40_000_000L));
    }

    @Test
    void badCsv_isRefusedWithLineNumbers_andStoresNothing_R11() throws Exception {
        long deliveriesBefore = jdbc.sql("select count(*) from insured_count_delivery").query(Long.class).single();
        long rowsBefore = jdbc.sql("select count(*) from insured_count").query(Long.class).single();
        String bad = """
                uzovi,postcode,referenceDate,insuredCount
                3311,1011,2025-12-01,10
                33,1012,2025-12-01,10
                3343,0123,2025-12-01,10
                3343,1013,2025-12-01,-4
                3343,1015,2025-11-01,4
                3343,1016SS,2025-12-01,4
                """;

        HttpResponse<String> refused = postCsv(bad, "INSURERS");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        // line 7: PC6 letters SS are never issued (R6)
        assertThat(refused.body()).contains("\"line\":3").contains("\"line\":4").contains("\"line\":5").contains("\"line\":6")
                .contains("\"line\":7").contains("'1016SS'").contains("\"errorCount\":5");

        HttpResponse<String> duplicates = postCsv("""
                uzovi,postcode,referenceDate,insuredCount
                3311,1011,2025-12-01,10
                3311,1012,2025-12-01,10
                3311,1011,2025-12-01,12
                """, "INSURERS");
        assertThat(duplicates.statusCode()).isEqualTo(422);
        assertThat(duplicates.body()).contains("\"line\":4").contains("first on line 2");

        assertThat(postCsv("uzovi;postcode\n3311;1011\n", "INSURERS").statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from insured_count_delivery").query(Long.class).single()).isEqualTo(deliveriesBefore);
        assertThat(jdbc.sql("select count(*) from insured_count").query(Long.class).single()).isEqualTo(rowsBefore);
        // no table of a refused delivery is left behind: one partition of insured_count per stored delivery
        assertThat(jdbc.sql("select count(*) from pg_class where relname ~ '^insured_count_[0-9a-f]{32}$'")
                .query(Long.class).single()).isEqualTo(deliveriesBefore);
        assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'insured_count'::regclass")
                .query(Long.class).single()).isEqualTo(deliveriesBefore);
    }

    private static final String INSURED_COUNT_IN_SERVICE_AREA = "INSURED_COUNT_IN_SERVICE_AREA";

    /** The example's terms with another lump sum per year. */
    private static ContractState termsWithLumpSum(long lumpSumCents) {
        return ManualExampleEvents.contract().setBudget(ManualExampleEvents.budget(lumpSumCents, BudgetPeriod.YEAR)).build();
    }

    /** Version {@code version} of the example effective from its start (2025-01-01), with another lump sum per year. */
    private static ContractVersionPublished withLumpSum(String contractId, int version, long lumpSumCents) {
        return ManualExampleEvents.contractVersion(contractId, version, ManualExampleEvents.VALID_FROM,
                termsWithLumpSum(lumpSumCents)).build();
    }

    /** The example as registered, with its market shares on another basis, reference date or source of counts. */
    private static ContractVersionPublished countedOn(String contractId, LocalDate referenceDate, CountSource source,
            String basis) {
        return ManualExampleEvents.contractVersion(contractId, 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract().setPurchasing(ManualExampleEvents.purchasing(basis, referenceDate, source))
                        .build()).build();
    }

    private void publish(ContractVersionPublished event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CONTRACT_VERSIONS.name(), event.getContractId(), event)).get();
    }

    private AllocationCalculated awaitAllocation(String contractId, Predicate<AllocationCalculated> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            var found = received.stream().filter(a -> a.getContractId().equals(contractId)).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            for (ConsumerRecord<String, AllocationCalculated> record : consumer.poll(Duration.ofMillis(250))) {
                assertThat(record.key()).isEqualTo(record.value().getContractId());
                received.add(record.value());
            }
        }
        throw new AssertionError("no such allocation for contract " + contractId + " within " + PATIENCE);
    }

    private HttpResponse<String> postCsv(String csv, String source) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/insured-counts?source=" + source))
                .header("Content-Type", "text/csv")
                .header("X-Delivered-By", "test")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
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

    private static String exampleCsv() throws IOException {
        try (InputStream in = AllocationFlowIT.class.getResourceAsStream("/insured-counts-example.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
