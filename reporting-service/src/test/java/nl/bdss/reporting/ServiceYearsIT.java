package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.Insurer;
import nl.bdss.events.contract.TargetGroup;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.settlement.ClosedYearTotal;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A closed service year and a later correction of it (issue 15): the service-year view (sector loads and the NZa
 * monitor) shows the year closed, with per sector the amount as closed and the later corrections that add up to it;
 * the booking-year view of the next year counts the corrections there, naming their service year. Years 2071-2073
 * hold only this test's contracts ({@link ManualExampleInYears}):
 *
 * <pre>
 * contract  insurer  2071, booked in 2071 (then 2071 closes)      booked in 2072
 * A         4411     WIJKVERPLEGING 100,000                         WIJKVERPLEGING 60,000 (service year 2072)
 * B         4412     WIJKVERPLEGING 20,000, HUISARTSENZORG 10,000   WIJKVERPLEGING -5,000, HUISARTSENZORG -1,000
 *                                                                   (service year 2071), GGZ 10,000 (2072)
 * C         4412     WIJKVERPLEGING 30,000, HUISARTSENZORG 10,000   HUISARTSENZORG -1,000 (2071), GGZ 10,000 (2072)
 * D         4412     WIJKVERPLEGING 40,000, HUISARTSENZORG 10,000   HUISARTSENZORG -1,000 (2071), GGZ 10,000 (2072)
 * </pre>
 *
 * Service year 2071: WIJKVERPLEGING as closed 100,000 + 20,000 + 30,000 + 40,000 = 190,000, later -5,000, in all
 * 185,000; HUISARTSENZORG as closed 3 x 10,000 = 30,000, later 3 x -1,000 = -3,000, in all 27,000; the year 212,000.
 * Booked in 2072: WIJKVERPLEGING 60,000 (2072) - 5,000 (2071) = 55,000; HUISARTSENZORG -3,000 (2071); GGZ 30,000
 * (2072); the year 82,000. Service year 2072: WIJKVERPLEGING 60,000 + GGZ 30,000 = 90,000.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ReportingServiceApplication.CONFIG_NAME)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
@UsesTestTokenIssuer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class ServiceYearsIT {

    static final int CLOSED = 2071;
    static final int NEXT = 2072;
    static final int OLD_EVENTS = 2073;
    static final Instant CLOSED_AT = Instant.parse("2072-01-15T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final TestTokenIssuer TOKENS = TestTokenIssuer.get();

    final String a = "service-years-a-" + UUID.randomUUID();
    final String b = "service-years-b-" + UUID.randomUUID();
    final String c = "service-years-c-" + UUID.randomUUID();
    final String d = "service-years-d-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @BeforeAll
    void publishTheYear_closeIt_thenBookItsCorrectionsInTheNextYear() {
        contract(a, "4411");
        for (String contract : List.of(b, c, d)) {
            contract(contract, "4412");
        }
        TopicsClient.publish(Topics.SETTLEMENTS, a, List.of(entry(a, 1, "4411", "WIJKVERPLEGING", CLOSED, CLOSED, 100_000)));
        TopicsClient.publish(Topics.SETTLEMENTS, b, List.of(entry(b, 1, "4412", "WIJKVERPLEGING", CLOSED, CLOSED, 20_000),
                entry(b, 2, "4412", "HUISARTSENZORG", CLOSED, CLOSED, 10_000)));
        TopicsClient.publish(Topics.SETTLEMENTS, c, List.of(entry(c, 1, "4412", "WIJKVERPLEGING", CLOSED, CLOSED, 30_000),
                entry(c, 2, "4412", "HUISARTSENZORG", CLOSED, CLOSED, 10_000)));
        TopicsClient.publish(Topics.SETTLEMENTS, d, List.of(entry(d, 1, "4412", "WIJKVERPLEGING", CLOSED, CLOSED, 40_000),
                entry(d, 2, "4412", "HUISARTSENZORG", CLOSED, CLOSED, 10_000)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get("/api/v1/sector-loads?year=" + CLOSED, TOKENS.operator()).get("totalCents").asLong())
                        .isEqualTo(220_000L));

        TopicsClient.publish(Topics.SERVICE_YEARS, Integer.toString(CLOSED), List.of(ServiceYearClosed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(CLOSED_AT)
                .setServiceYear(CLOSED)
                .setClosedBy("operator-it")
                .setReason("annual accounts 2071")
                // 4411: 100,000; 4412: 90,000 wijkverpleging and 30,000 huisartsenzorg, as settlement-service closed them
                .setTotals(List.of(new ClosedYearTotal("4411", "WIJKVERPLEGING", 100_000L, 0L, 1),
                        new ClosedYearTotal("4412", "HUISARTSENZORG", 30_000L, 0L, 3),
                        new ClosedYearTotal("4412", "WIJKVERPLEGING", 90_000L, 0L, 3)))
                .build()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get("/api/v1/sector-loads?year=" + CLOSED, TOKENS.operator()).get("closed").asBoolean())
                        .isTrue());

        TopicsClient.publish(Topics.SETTLEMENTS, a, List.of(entry(a, 2, "4411", "WIJKVERPLEGING", NEXT, NEXT, 60_000)));
        TopicsClient.publish(Topics.SETTLEMENTS, b, List.of(correction(b, 3, "4412", "WIJKVERPLEGING", -5_000),
                correction(b, 4, "4412", "HUISARTSENZORG", -1_000), entry(b, 5, "4412", "GGZ", NEXT, NEXT, 10_000)));
        for (String contract : List.of(c, d)) {
            TopicsClient.publish(Topics.SETTLEMENTS, contract, List.of(correction(contract, 3, "4412", "HUISARTSENZORG",
                    -1_000), entry(contract, 4, "4412", "GGZ", NEXT, NEXT, 10_000)));
        }
        // an entry written before service years: neither year set
        TopicsClient.publish(Topics.SETTLEMENTS, a, List.of(ManualExampleEvents.lumpSum(a, 6,
                LocalDate.of(OLD_EVENTS, 1, 1), LocalDate.of(OLD_EVENTS, 3, 31), "4411", "GGZ", 7_000).build()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(get("/api/v1/sector-loads?year=" + CLOSED, TOKENS.operator()).get("totalCents").asLong())
                    .isEqualTo(212_000L);
            assertThat(get("/api/v1/sector-loads?year=" + NEXT + "&view=booking", TOKENS.operator())
                    .get("totalCents").asLong()).isEqualTo(82_000L);
            assertThat(get("/api/v1/sector-loads?year=" + OLD_EVENTS, TOKENS.operator()).get("totalCents").asLong())
                    .isEqualTo(7_000L);
        });
    }

    @Test
    void theServiceYearView_showsTheClosedYearAsClosed_theLaterCorrectionsApart_andTheirSum() {
        JsonNode loads = get("/api/v1/sector-loads?year=" + CLOSED, TOKENS.operator());

        assertThat(loads.get("closed").asBoolean()).isTrue();
        assertThat(loads.get("closedAt").asString()).isEqualTo("2072-01-15T09:00:00Z");
        // 190,000 as closed - 5,000 later = 185,000; 30,000 - 3,000 = 27,000
        assertThat(split(sector(loads, "WIJKVERPLEGING"), "amountAtCloseCents")).isEqualTo("185000 = 190000 + -5000");
        assertThat(split(sector(loads, "HUISARTSENZORG"), "amountAtCloseCents")).isEqualTo("27000 = 30000 + -3000");
        assertThat(loads.get("totalCents").asLong()).isEqualTo(212_000L);
        assertThat(loads.has("suppressed")).isFalse();
        assertThat(text("/api/v1/sector-loads?year=" + CLOSED + "&format=csv", TOKENS.operator()).lines()).contains(
                "year,sector,amountCents,committedCents,macroBudgetCents,loadShareBasisPoints,"
                        + "committedShareBasisPoints,amountAtCloseCents,laterCorrectionsCents",
                CLOSED + ",WIJKVERPLEGING,185000,0,,,,190000,-5000");

        // the open year keeps the answer it always had: no close, no split
        JsonNode next = get("/api/v1/sector-loads?year=" + NEXT, TOKENS.operator());
        assertThat(next.has("closed")).isFalse();
        assertThat(next.get("totalCents").asLong()).isEqualTo(90_000L);
        assertThat(sector(next, "WIJKVERPLEGING").get("amountCents").asLong()).isEqualTo(60_000L);
        assertThat(sector(next, "WIJKVERPLEGING").has("amountAtCloseCents")).isFalse();
        assertThat(text("/api/v1/sector-loads?year=" + NEXT + "&view=service&format=csv", TOKENS.operator()))
                .startsWith("year,sector,amountCents,committedCents,macroBudgetCents,loadShareBasisPoints,"
                        + "committedShareBasisPoints\r\n");
    }

    @Test
    void theBookingYearView_ofTheNextYear_includesTheCorrections_namingTheirServiceYear() {
        JsonNode booked = get("/api/v1/sector-loads?year=" + NEXT + "&view=booking", TOKENS.operator());

        assertThat(booked.get("view").asString()).isEqualTo("booking");
        assertThat(booked.has("closed")).isFalse();
        // 60,000 (2072) - 5,000 (2071) = 55,000; -3,000 (2071); 30,000 (2072)
        assertThat(booked.get("sectors").toString()).isEqualTo("[{\"sector\":\"GGZ\",\"amountCents\":30000,"
                + "\"byServiceYear\":[{\"serviceYear\":2072,\"amountCents\":30000}]},"
                + "{\"sector\":\"HUISARTSENZORG\",\"amountCents\":-3000,"
                + "\"byServiceYear\":[{\"serviceYear\":2071,\"amountCents\":-3000}]},"
                + "{\"sector\":\"WIJKVERPLEGING\",\"amountCents\":55000,"
                + "\"byServiceYear\":[{\"serviceYear\":2071,\"amountCents\":-5000},"
                + "{\"serviceYear\":2072,\"amountCents\":60000}]}]");
        assertThat(booked.get("totalCents").asLong()).isEqualTo(82_000L);
        assertThat(text("/api/v1/sector-loads?year=" + NEXT + "&view=booking&format=csv", TOKENS.operator()).lines())
                .containsExactly("bookingYear,sector,serviceYear,amountCents", NEXT + ",GGZ,2072,30000",
                        NEXT + ",HUISARTSENZORG,2071,-3000", NEXT + ",WIJKVERPLEGING,2071,-5000",
                        NEXT + ",WIJKVERPLEGING,2072,60000");

        // booked in 2071 is what was closed: 190,000 and 30,000, all of service year 2071; and the year says it closed
        JsonNode closedYear = get("/api/v1/sector-loads?year=" + CLOSED + "&view=booking", TOKENS.operator());
        assertThat(closedYear.get("closed").asBoolean()).isTrue();
        assertThat(closedYear.get("totalCents").asLong()).isEqualTo(220_000L);
        assertThat(sector(closedYear, "WIJKVERPLEGING").get("byServiceYear").toString())
                .isEqualTo("[{\"serviceYear\":2071,\"amountCents\":190000}]");
    }

    @Test
    void theMonitor_showsTheChargedAmountsAsClosed_andTheLaterCorrections_R20() {
        JsonNode monitor = get("/api/v1/monitor?year=" + CLOSED, TOKENS.operator());

        assertThat(monitor.get("closed").asBoolean()).isTrue();
        assertThat(monitor.get("closedAt").asString()).isEqualTo("2072-01-15T09:00:00Z");
        assertThat(monitor.get("chargedTotalCents").asLong()).isEqualTo(212_000L);
        assertThat(sector(monitor, "WIJKVERPLEGING").get("chargedCents").asLong()).isEqualTo(185_000L);
        assertThat(split(sector(monitor, "WIJKVERPLEGING"), "chargedAtCloseCents")).isEqualTo("185000 = 190000 + -5000");
        assertThat(split(sector(monitor, "HUISARTSENZORG"), "chargedAtCloseCents")).isEqualTo("27000 = 30000 + -3000");
        assertThat(text("/api/v1/monitor?year=" + CLOSED + "&format=csv", TOKENS.operator()).lines()).contains(
                CLOSED + ",chargedTotalCents,,212000", CLOSED + ",closedAt,,2072-01-15T09:00:00Z",
                CLOSED + ",sectorChargedCents,WIJKVERPLEGING,185000",
                CLOSED + ",sectorChargedAtCloseCents,WIJKVERPLEGING,190000",
                CLOSED + ",sectorLaterCorrectionsCents,WIJKVERPLEGING,-5000",
                CLOSED + ",sectorChargedAtCloseCents,HUISARTSENZORG,30000",
                CLOSED + ",sectorLaterCorrectionsCents,HUISARTSENZORG,-3000");

        // the next year's monitor is its service year's: the corrections of 2071 are not in it
        JsonNode next = get("/api/v1/monitor?year=" + NEXT, TOKENS.operator());
        assertThat(next.has("closed")).isFalse();
        assertThat(next.get("chargedTotalCents").asLong()).isEqualTo(90_000L);
        assertThat(sector(next, "WIJKVERPLEGING").get("chargedCents").asLong()).isEqualTo(60_000L);
        assertThat(sector(next, "WIJKVERPLEGING").has("chargedAtCloseCents")).isFalse();
        assertThat(text("/api/v1/monitor?year=" + NEXT + "&format=csv", TOKENS.operator())).doesNotContain("closedAt");
    }

    @Test
    void anEventWithoutYears_countsInTheYearItsPeriodStarts_inBothViews() {
        assertThat(sector(get("/api/v1/sector-loads?year=" + OLD_EVENTS, TOKENS.operator()), "GGZ")
                .get("amountCents").asLong()).isEqualTo(7_000L);
        assertThat(get("/api/v1/sector-loads?year=" + OLD_EVENTS + "&view=booking", TOKENS.operator())
                .get("sectors").toString()).isEqualTo("[{\"sector\":\"GGZ\",\"amountCents\":7000,"
                        + "\"byServiceYear\":[{\"serviceYear\":2073,\"amountCents\":7000}]}]");
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + OLD_EVENTS + "&view=booking", TOKENS.insurer("4411"))
                .get("items").toString()).isEqualTo("[{\"uzovi\":\"4411\",\"sector\":\"GGZ\",\"serviceYear\":2073,"
                        + "\"amountCents\":7000}]");
    }

    @Test
    void anInsurer_isNotShownASplitThatRestsOnOneOtherContract_norWhatWouldGiveItAway() {
        // to 4411 (A) wijkverpleging of 2071 rests on B, C and D, shown; its later correction on B alone: the split
        // is withheld, both parts (the other would be the amount minus it). Huisartsenzorg's parts rest on B, C, D.
        JsonNode loads = get("/api/v1/sector-loads?year=" + CLOSED, TOKENS.insurer("4411"));
        assertThat(sector(loads, "WIJKVERPLEGING").get("amountCents").asLong()).isEqualTo(185_000L);
        assertThat(sector(loads, "WIJKVERPLEGING").get("amountAtCloseCents").isNull()).isTrue();
        assertThat(sector(loads, "WIJKVERPLEGING").get("laterCorrectionsCents").isNull()).isTrue();
        assertThat(sector(loads, "WIJKVERPLEGING").get("suppressed").asBoolean()).isTrue();
        assertThat(split(sector(loads, "HUISARTSENZORG"), "amountAtCloseCents")).isEqualTo("27000 = 30000 + -3000");
        assertThat(loads.get("closed").asBoolean()).isTrue();
        assertThat(loads.get("suppressed").asBoolean()).isTrue();
        JsonNode monitor = get("/api/v1/monitor?year=" + CLOSED, TOKENS.insurer("4411"));
        assertThat(sector(monitor, "WIJKVERPLEGING").get("chargedCents").asLong()).isEqualTo(185_000L);
        assertThat(sector(monitor, "WIJKVERPLEGING").get("chargedAtCloseCents").isNull()).isTrue();
        assertThat(sector(monitor, "WIJKVERPLEGING").get("suppressed").asBoolean()).isTrue();
        assertThat(sector(monitor, "HUISARTSENZORG").get("laterCorrectionsCents").asLong()).isEqualTo(-3_000L);
        assertThat(text("/api/v1/monitor?year=" + CLOSED + "&format=csv", TOKENS.insurer("4411")).lines())
                .contains(CLOSED + ",sectorChargedAtCloseCents,WIJKVERPLEGING,",
                        CLOSED + ",sectorLaterCorrectionsCents,HUISARTSENZORG,-3000");

        // booked in 2072, wijkverpleging's part of 2071 is that split's later part: withheld, and with it the
        // sector (the service-year view shows its 2072 part); GGZ goes with it (B, C, D, the shown sector with the
        // fewest other contracts, tied with huisartsenzorg and first by name), else the total minus the sectors
        // shown would be wijkverpleging. The total rests on B, C and D.
        JsonNode booked = get("/api/v1/sector-loads?year=" + NEXT + "&view=booking", TOKENS.insurer("4411"));
        assertThat(booked.get("sectors").toString()).isEqualTo("[{\"sector\":\"GGZ\",\"amountCents\":null,"
                + "\"byServiceYear\":[{\"serviceYear\":2072,\"amountCents\":null,\"suppressed\":true}],"
                + "\"suppressed\":true},"
                + "{\"sector\":\"HUISARTSENZORG\",\"amountCents\":-3000,"
                + "\"byServiceYear\":[{\"serviceYear\":2071,\"amountCents\":-3000}]},"
                + "{\"sector\":\"WIJKVERPLEGING\",\"amountCents\":null,"
                + "\"byServiceYear\":[{\"serviceYear\":2071,\"amountCents\":null,\"suppressed\":true},"
                + "{\"serviceYear\":2072,\"amountCents\":null,\"suppressed\":true}],\"suppressed\":true}]");
        assertThat(booked.get("totalCents").asLong()).isEqualTo(82_000L);
        assertThat(booked.get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void anInsurersOwnLines_areShownInFull_inBothViews() {
        // 4412: wijkverpleging 20,000 + 30,000 + 40,000 = 90,000 as closed, -5,000 later; huisartsenzorg 30,000, -3,000
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + CLOSED, TOKENS.insurer("4412")).get("items").toString())
                .isEqualTo("[{\"uzovi\":\"4412\",\"sector\":\"HUISARTSENZORG\",\"amountCents\":27000,"
                        + "\"amountAtCloseCents\":30000,\"laterCorrectionsCents\":-3000},"
                        + "{\"uzovi\":\"4412\",\"sector\":\"WIJKVERPLEGING\",\"amountCents\":85000,"
                        + "\"amountAtCloseCents\":90000,\"laterCorrectionsCents\":-5000}]");
        assertThat(get("/api/v1/sector-loads/by-insurer?year=" + NEXT + "&view=booking", TOKENS.insurer("4412"))
                .toString()).isEqualTo("{\"items\":[{\"uzovi\":\"4412\",\"sector\":\"GGZ\",\"serviceYear\":2072,"
                        + "\"amountCents\":30000},{\"uzovi\":\"4412\",\"sector\":\"HUISARTSENZORG\",\"serviceYear\":2071,"
                        + "\"amountCents\":-3000},{\"uzovi\":\"4412\",\"sector\":\"WIJKVERPLEGING\",\"serviceYear\":2071,"
                        + "\"amountCents\":-5000}],\"page\":0,\"size\":100,\"total\":3}");
        assertThat(text("/api/v1/sector-loads/by-insurer?year=" + NEXT + "&view=booking&format=csv",
                TOKENS.insurer("4411")).lines()).containsExactly("bookingYear,uzovi,sector,serviceYear,amountCents",
                        NEXT + ",4411,WIJKVERPLEGING,2072,60000");
        assertThat(get("/api/v1/sector-loads/by-contract?year=" + NEXT + "&view=booking", TOKENS.insurer("4411"))
                .toString()).isEqualTo("[{\"contractId\":\"" + a + "\",\"sector\":\"WIJKVERPLEGING\","
                        + "\"serviceYear\":2072,\"amountCents\":60000}]");
        assertThat(text("/api/v1/sector-loads/by-contract?year=" + CLOSED + "&format=csv", TOKENS.insurer("4411"))
                .lines()).containsExactly("year,contractId,sector,amountCents,amountAtCloseCents,laterCorrectionsCents",
                        CLOSED + "," + a + ",WIJKVERPLEGING,100000,100000,0");
        // the operator sees every insurer's lines: 4411's 100,000 beside 4412's
        assertThat(text("/api/v1/sector-loads/by-insurer?year=" + CLOSED + "&format=csv", TOKENS.operator()).lines())
                .contains(CLOSED + ",4411,WIJKVERPLEGING,100000,100000,0", CLOSED + ",4412,WIJKVERPLEGING,85000,90000,-5000");
    }

    @Test
    void anUnknownView_isABadRequest_asProblemJson() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/sector-loads?year=" + CLOSED + "&view=fiscal"))
                .header("Authorization", "Bearer " + TOKENS.operator()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:bdss:problem:invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("view");
        assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("REQUEST");
    }

    /**
     * Rebuilds every read model from offset 0 and compares this test's years before and after, so the close
     * (bdss.settlement.service-years) is rebuilt too; it waits until the rebuild has caught up, so the other tests
     * find the same answers whatever the order. A tombstone on that topic is parked in its dead letters first and
     * changes nothing.
     */
    @Test
    void aRebuildFromOffsetZero_reproducesTheSameAnswers_andABadCloseGoesToTheDeadLetters() {
        String operator = TOKENS.operator();
        long deadLettersBefore = serviceYearsTopic(operator).get("deadLetters").asLong();
        TopicsClient.publish(Topics.SERVICE_YEARS, Integer.toString(CLOSED), Arrays.asList((ServiceYearClosed) null));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(serviceYearsTopic(operator).get("deadLetters").asLong()).isEqualTo(deadLettersBefore + 1));
        List<String> before = answers(operator);
        assertThat(before.get(0)).contains("\"closed\":true");

        HttpResponse<String> rebuild = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/operations/rebuild")).header("Authorization", "Bearer " + operator)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(rebuild.statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(get("/api/v1/operations/rebuild", operator).get("inProgress").asBoolean()).isFalse();
            assertThat(answers(operator)).isEqualTo(before);
        });
    }

    /** Every answer of this test's years, in both views, to the operator and to insurer 4411. */
    List<String> answers(String operator) {
        List<String> answers = new ArrayList<>();
        for (int year : List.of(CLOSED, NEXT, OLD_EVENTS)) {
            for (String token : List.of(operator, TOKENS.insurer("4411"))) {
                answers.add(text("/api/v1/sector-loads?year=" + year, token));
                answers.add(text("/api/v1/sector-loads?year=" + year + "&view=booking", token));
                answers.add(text("/api/v1/monitor?year=" + year, token));
                answers.add(text("/api/v1/sector-loads/by-insurer?year=" + year + "&format=csv", token));
                answers.add(text("/api/v1/sector-loads/by-insurer?year=" + year + "&view=booking&format=csv", token));
            }
        }
        return answers;
    }

    JsonNode serviceYearsTopic(String operator) {
        for (JsonNode topic : get("/api/v1/operations/topics", operator)) {
            if (topic.get("topic").asString().equals(Topics.SERVICE_YEARS.name())) {
                return topic;
            }
        }
        throw new AssertionError("no " + Topics.SERVICE_YEARS.name() + " in /operations/topics");
    }

    // helpers

    void contract(String contractId, String uzovi) {
        ContractState terms = ManualExampleEvents.contract()
                .setReference("SERVICE-YEARS-" + uzovi + "-" + UUID.randomUUID())
                .setInsurers(List.of(new Insurer(uzovi, "Zorgverzekeraar " + uzovi)))
                .setTargetGroup(new TargetGroup("Kwetsbare ouderen", List.of("leeftijd 75+"), List.of("1011")))
                .setValidFrom(LocalDate.of(CLOSED, 1, 1))
                .setValidUntil(LocalDate.of(OLD_EVENTS, 12, 31))
                .build();
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, contractId, List.of(MonitorExamples.version(contractId, 1,
                LocalDate.of(CLOSED, 1, 1), terms)));
    }

    /** A lump sum for the first quarter of {@code serviceYear}, booked in {@code bookingYear}. */
    static SettlementBooked entry(String contract, long sequence, String uzovi, String sector, int serviceYear,
            int bookingYear, long amountCents) {
        return ManualExampleEvents.lumpSum(contract, sequence, LocalDate.of(serviceYear, 1, 1),
                        LocalDate.of(serviceYear, 3, 31), uzovi, sector, amountCents)
                .setServiceYear(serviceYear)
                .setBookingYear(bookingYear)
                .build();
    }

    /** A correction of the contract's 2071 lump sum in {@code sector}, booked in 2072 after 2071 closed. */
    static SettlementBooked correction(String contract, long sequence, String uzovi, String sector, long amountCents) {
        SettlementBooked corrected = entry(contract, 1, uzovi, sector, CLOSED, CLOSED, 0);
        return ManualExampleEvents.lumpSum(contract, sequence, LocalDate.of(CLOSED, 1, 1), LocalDate.of(CLOSED, 3, 31),
                        uzovi, sector, amountCents)
                .setEventId(UUID.randomUUID())
                .setEntryId(contract + "/correction/" + sequence)
                .setKind(SettlementKind.CORRECTION)
                .setCorrectsEntryId(corrected.getEntryId())
                .setServiceYear(CLOSED)
                .setBookingYear(NEXT)
                .build();
    }

    /** "total = as closed + later" of a sector, with {@code atClose} the name of its as-closed field. */
    static String split(JsonNode sector, String atClose) {
        String total = sector.has("amountCents") ? sector.get("amountCents").toString()
                : sector.get("chargedCents").toString();
        return total + " = " + sector.get(atClose) + " + " + sector.get("laterCorrectionsCents");
    }

    static JsonNode sector(JsonNode loads, String sector) {
        for (JsonNode load : loads.get("sectors")) {
            if (load.get("sector").asString().equals(sector)) {
                return load;
            }
        }
        throw new AssertionError("no sector " + sector + " in " + loads);
    }

    JsonNode get(String path, String token) {
        return JSON.readTree(text(path, token));
    }

    String text(String path, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
