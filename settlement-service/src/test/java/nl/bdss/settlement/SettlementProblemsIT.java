package nl.bdss.settlement;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static nl.bdss.settlement.Allocations.line;
import static nl.bdss.settlement.Allocations.period;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.settlement.settling.application.AllocationIntake;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The service's own refusals in the one problem shape: 400 {@code invalid-request} naming every field and its rule,
 * 404 {@code payment-instruction-not-found}, 409 {@code already-acknowledged} and 422 {@code rules-violated} naming
 * the field and the rule; nothing is stored by a refused request. The clock stands at 2026-11-22 (both years of the
 * contract below are due, in advance). Own database and consumer group, relay off; closed after the class.
 */
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SettlementServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF,
                "spring.application.name=settlement-problems-it",
                "bdss.settlement.scheduler-enabled=false",
                "bdss.messaging.relay-enabled=false"})
@UsesInfrastructure(database = "settlement_problems")
class SettlementProblemsIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");
    private static final String CONTRACT = "it-problems-" + UUID.randomUUID();

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AllocationIntake intake;

    @LocalServerPort
    int port;

    private TestHttp http;

    /** 2025 and 2026 paid in advance, then 3311's district nursing of 2026 lowered by 420,000: a credit. */
    @BeforeAll
    void settleAContractWithACredit() {
        http = new TestHttp(port);
        intake.apply(Allocations.complete(CONTRACT, 1, PaymentTiming.IN_ADVANCE,
                period(CONTRACT, "2025-01-01", "2025-12-31", line("3311", "WIJKVERPLEGING", 2_100_000L),
                        line("3343", "WIJKVERPLEGING", 1_400_000L)),
                period(CONTRACT, "2026-01-01", "2026-12-31", line("3311", "WIJKVERPLEGING", 2_100_000L),
                        line("3343", "WIJKVERPLEGING", 1_400_000L))));
        intake.apply(Allocations.complete(CONTRACT, 2, PaymentTiming.IN_ADVANCE,
                period(CONTRACT, "2025-01-01", "2025-12-31", line("3311", "WIJKVERPLEGING", 2_100_000L),
                        line("3343", "WIJKVERPLEGING", 1_400_000L)),
                period(CONTRACT, "2026-01-01", "2026-12-31", line("3311", "WIJKVERPLEGING", 1_680_000L),
                        line("3343", "WIJKVERPLEGING", 1_400_000L))));
        assertThat(jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(CONTRACT)
                .query(Long.class).single()).isEqualTo(5L);
    }

    // 400: the request's fields, each named with its rule

    @Test
    void aStatementForSomethingThatIsNoAgbCode_names_agb() {
        JsonNode problem = assertProblem(http.get("/api/v1/payees/123/statement"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("agb");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("REQUEST");
    }

    @Test
    void aSearchWithSeveralWrongParameters_namesEveryOne() {
        JsonNode problem = assertProblem(http.get("/api/v1/payment-instructions?insurer=33&payee=12x&page=-1&size=0"),
                400, "invalid-request");

        assertThat(fields(problem)).containsExactly("insurer", "payee", "page", "size");
    }

    @Test
    void aSearchForAnUnknownStatus_names_status() {
        JsonNode problem = assertProblem(http.get("/api/v1/payment-instructions?status=SETTLED"), 400,
                "invalid-request");

        assertThat(fields(problem)).containsExactly("status");
        assertThat(problem.path("detail").asString()).contains("OPEN", "PAID", "OFFSET", "REFUNDED");
    }

    @Test
    void anAcknowledgementWithoutReferenceOrDay_namesTheFields_andRecordsNothing() {
        UUID id = entry("2025-01-01", "3311", "LUMP_SUM");

        JsonNode problem = assertProblem(http.post("/api/v1/payment-instructions/" + id + "/acknowledgement",
                "{\"status\":\"OPEN\",\"paymentReference\":\" \"}"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("status", "paymentReference", "paidOn");
        assertThat(acknowledgements(id)).isZero();
    }

    @Test
    void aPeriodCloseWithoutADate_names_date() {
        JsonNode problem = assertProblem(http.post("/api/v1/period-close?dryRun=true", null), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("date");
    }

    @Test
    void anAttributionWithoutInsurerYearOrReason_namesEachField_R19() {
        JsonNode problem = assertProblem(http.post("/api/v1/risk-equalisation/attribution",
                "{\"key\":\"NOT_ATTRIBUTED\"}"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("insurer", "year", "reason");
        assertThat(problem.path("errors").get(2).path("rule").asString()).isEqualTo("R19");
    }

    @Test
    void anAttributionOverSomethingThatIsNoPostcode_namesTheCount_R6() {
        JsonNode problem = assertProblem(http.post("/api/v1/risk-equalisation/attribution",
                "{\"insurer\":\"3311\",\"year\":2025,\"key\":\"SERVICE_AREA_INSUREDS\","
                        + "\"insuredCounts\":{\"1011\":5,\"0123\":7,\"1012\":-1}}"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactlyInAnyOrder("insuredCounts.0123", "insuredCounts.1012");
    }

    @Test
    void anAttributionOverCountsWithoutOneInsured_namesTheCounts_R19() {
        JsonNode problem = assertProblem(http.post("/api/v1/risk-equalisation/attribution",
                "{\"insurer\":\"3311\",\"year\":2025,\"key\":\"SERVICE_AREA_INSUREDS\","
                        + "\"insuredCounts\":{\"1011\":0}}"), 400, "invalid-request");

        assertThat(fields(problem)).containsExactly("insuredCounts");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("R19");
    }

    @Test
    void aRefusedAttributionAskedForAsCsv_isAProblemToo() {
        assertProblem(http.post("/api/v1/risk-equalisation/attribution", "{\"insurer\":\"3311\",\"year\":2025}",
                "text/csv"), 400, "invalid-request");
    }

    // 404

    @Test
    void anUnknownPaymentInstruction_isNotFound_whetherReadOrAcknowledged() {
        UUID unknown = UUID.randomUUID();

        assertProblem(http.get("/api/v1/payment-instructions/" + unknown), 404, "payment-instruction-not-found");
        assertProblem(http.post("/api/v1/payment-instructions/" + unknown + "/acknowledgement",
                "{\"paymentReference\":\"BANK-1\",\"paidOn\":\"2025-01-15\"}"), 404, "payment-instruction-not-found");
        assertThat(jdbc.sql("select count(*) from payment_acknowledgement where entry_id = ?").param(unknown)
                .query(Long.class).single()).isZero();
    }

    // 409

    @Test
    void aSecondDifferentAcknowledgement_conflicts_andTheFirstStays() {
        UUID id = entry("2025-01-01", "3343", "LUMP_SUM");
        String first = "{\"status\":\"PAID\",\"paymentReference\":\"BANK-2025-0007\",\"paidOn\":\"2025-01-15\"}";
        assertThat(http.post("/api/v1/payment-instructions/" + id + "/acknowledgement", first).statusCode())
                .isEqualTo(200);

        JsonNode problem = assertProblem(http.post("/api/v1/payment-instructions/" + id + "/acknowledgement",
                first.replace("0007", "0008")), 409, "already-acknowledged");

        assertThat(problem.path("detail").asString()).contains("BANK-2025-0007");
        assertThat(jdbc.sql("select payment_reference from payment_acknowledgement where entry_id = ?").param(id)
                .query(String.class).single()).isEqualTo("BANK-2025-0007");
    }

    // 422: well formed, but against a rule on what is recorded

    @Test
    void aCreditAcknowledgedAsPaid_breaksDirection_andRecordsNothing() {
        UUID credit = entry("2026-01-01", "3311", "CORRECTION");

        JsonNode problem = assertProblem(http.post("/api/v1/payment-instructions/" + credit + "/acknowledgement",
                "{\"status\":\"PAID\",\"paymentReference\":\"BANK-2026-0001\",\"paidOn\":\"2026-07-01\"}"), 422,
                "rules-violated");

        assertThat(fields(problem)).containsExactly("status");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("DIRECTION");
        assertThat(problem.path("detail").asString()).contains("never paid");
        assertThat(acknowledgements(credit)).isZero();
    }

    @Test
    void aPeriodCloseForADayAfterToday_breaksR8_andBooksNothing_whileADryRunShowsThatDay() {
        // the consumer keeps booking other tests' allocations meanwhile (the topic is shared): count only what a
        // period close of that day would have booked
        String closeOfThatDay = "select count(*) from settlement_entry where cause like 'period close for 2026-11-23%'";

        JsonNode problem = assertProblem(http.post("/api/v1/period-close?date=2026-11-23&dryRun=false", null), 422,
                "rules-violated");

        assertThat(fields(problem)).containsExactly("date");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("R8");
        assertThat(jdbc.sql(closeOfThatDay).query(Long.class).single()).isZero();
        assertThat(http.post("/api/v1/period-close?date=2027-01-01&dryRun=true", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPaymentBeforeThePeriodIsDue_breaksR8_andOnTheDueDayItIsRecorded() {
        UUID id = entry("2026-01-01", "3343", "LUMP_SUM");
        String payment = "{\"status\":\"PAID\",\"paymentReference\":\"BANK-2025-0099\",\"paidOn\":\"%s\"}";

        JsonNode problem = assertProblem(http.post("/api/v1/payment-instructions/" + id + "/acknowledgement",
                payment.formatted("2025-12-31")), 422, "rules-violated");

        assertThat(fields(problem)).containsExactly("paidOn");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("R8");
        assertThat(problem.path("detail").asString()).contains("2026-01-01");
        assertThat(acknowledgements(id)).isZero();
        assertThat(http.post("/api/v1/payment-instructions/" + id + "/acknowledgement", payment.formatted("2026-01-01"))
                .statusCode()).isEqualTo(200);
        assertThat(acknowledgements(id)).isEqualTo(1);
    }

    @Test
    void aServiceAreaAttributionOfAnAllocationWithoutCounts_needsTheCallersCounts_R19() {
        JsonNode problem = assertProblem(http.post("/api/v1/risk-equalisation/attribution",
                "{\"insurer\":\"3311\",\"year\":2025,\"key\":\"SERVICE_AREA_INSUREDS\"}"), 422, "rules-violated");

        assertThat(fields(problem)).containsExactly("insuredCounts");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("R19");
        assertThat(problem.path("detail").asString()).contains("carries no service-area counts");
    }

    private UUID entry(String periodStart, String uzovi, String kind) {
        return jdbc.sql("""
                select id from settlement_entry
                where contract_id = ? and period_start = cast(? as date) and uzovi = ? and kind = ?""")
                .params(CONTRACT, periodStart, uzovi, kind).query(UUID.class).single();
    }

    private long acknowledgements(UUID id) {
        return jdbc.sql("select count(*) from payment_acknowledgement where entry_id = ?").param(id)
                .query(Long.class).single();
    }
}
