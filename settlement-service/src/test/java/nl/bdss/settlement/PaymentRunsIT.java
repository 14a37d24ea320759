package nl.bdss.settlement;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.settlement.YearAllocations.complete;
import static nl.bdss.settlement.YearAllocations.line;
import static nl.bdss.settlement.YearAllocations.year;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.settlement.ledger.application.LedgerInvariants;
import nl.bdss.settlement.sepa.OfficialXsd;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment runs over allocations published as Avro to bdss.allocation.allocations, with security on (tokens from the
 * test issuer). The clock stands at 2026-11-22: 2025 and 2026, paid in advance, are both due. Accounts are rows in
 * the bank-account tables, inserted here. Every IT's consumer reads every allocation on the shared topic, so every
 * test has insurers (81xx to 85xx) and payees (12...) of its own; the manual's example keeps 3311, with a main
 * contractor of its own (other tests' 3311 lines, if any arrived, go to payees without an account here). Own database and
 * consumer group, relay and scheduler off; closed after the class.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SettlementServiceApplication.CONFIG_NAME,
                "spring.application.name=settlement-payment-runs-it",
                "bdss.settlement.scheduler-enabled=false",
                "bdss.messaging.relay-enabled=false"})
@UsesInfrastructure(database = "settlement_payment_runs")
@UsesTestTokenIssuer
class PaymentRunsIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);
    /** Executed tomorrow, everything due up to today. */
    private static final String RUN = """
            {"executionDate":"2026-11-23","dueUpTo":"2026-11-22"}""";
    private static final TestTokenIssuer TOKENS = TestTokenIssuer.get();
    /**
     * The example's main contractor: of this test's own rather than the manual's 01012345, because every IT's
     * consumer reads every allocation on the shared topic; other tests' 3311 lines paid to 01012345 would land in
     * this test's transfer (and this test's in their statements). Their payees have no account here: problems.
     */
    private static final String MAIN_CONTRACTOR = ownPayee();

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
    LedgerInvariants invariants;

    @LocalServerPort
    int port;

    /**
     * The manual's example: a yearly lump sum of 10,000,000 cents, Zvw 70% = 7,000,000, half per sector = 3,500,000,
     * insurer 3311 60% of it = 2,100,000 and 3343 40% = 1,400,000, per sector and year, to the main contractor
     * (01012345 in the manual; {@link #MAIN_CONTRACTOR} here).
     */
    private static AllocationPeriod example(int year, long of3311, long of3343) {
        return year(year, MAIN_CONTRACTOR, line("3311", "HUISARTSENZORG", of3311), line("3343", "HUISARTSENZORG", of3343),
                line("3311", "WIJKVERPLEGING", of3311), line("3343", "WIJKVERPLEGING", of3343));
    }

    @Test
    void theManualsExample_3311PaysEur84000InOneTransfer_aLowered2026IsNettedByTheNextRuns() throws Exception {
        String contract = "it-run-example-" + UUID.randomUUID();
        insurerAccount("3311", "NL91ABNA0417164300", "Zorgverzekeraar 3311");
        payeeAccount(MAIN_CONTRACTOR, "NL20INGB0001234567", "Hoofdaannemer");
        publish(contract, 1, example(2025, 2_100_000, 1_400_000), example(2026, 2_100_000, 1_400_000));
        await(() -> entries(contract) >= 8);

        String key = "example-" + UUID.randomUUID();
        HttpResponse<String> created = createRun(key, RUN, TOKENS.insurer("3311"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode run = json(created);
        assertThat(run.path("insurer").asString()).isEqualTo("3311");
        assertThat(run.path("status").asString()).isEqualTo("CREATED");
        assertThat(run.path("transferCount").asInt()).isEqualTo(1);
        // 2 sectors x 2 years x 2,100,000 = 8,400,000 cents = EUR 84,000.00
        assertThat(run.path("totalCents").asLong()).isEqualTo(8_400_000L);
        JsonNode transfer = run.path("transfers").get(0);
        assertThat(transfer.path("payeeAgb").asString()).isEqualTo(MAIN_CONTRACTOR);
        assertThat(transfer.path("amountCents").asLong()).isEqualTo(8_400_000L);
        assertThat(transfer.path("creditorIban").asString()).isEqualTo("NL20INGB0001234567");
        assertThat(transfer.path("creditorName").asString()).isEqualTo("Hoofdaannemer");
        assertThat(transfer.path("endToEndId").asString()).hasSizeLessThanOrEqualTo(35)
                .isEqualTo("BDSS-" + run.path("runNumber").asLong() + "-1");
        assertThat(ids(transfer.path("instructions"))).containsExactlyInAnyOrderElementsOf(entryIds(contract, "3311"));
        // per year: 2 sectors x 2,100,000 = 4,200,000
        assertThat(transfer.path("remittance").values()).extracting(l -> l.path("contractReference").asString() + " "
                        + l.path("periodStart").asString() + " " + l.path("amountCents").asLong())
                .containsExactly(contract + " 2025-01-01 4200000", contract + " 2026-01-01 4200000");
        // other tests' 3311 lines (the topic is shared) are paid to payees without an account here: problems, never ours
        assertThat(run.path("receivables").values()).noneMatch(r -> r.path("payeeAgb").asString().equals(MAIN_CONTRACTOR));
        assertThat(run.path("problems").values()).noneMatch(p -> p.path("payeeAgb").asString().equals(MAIN_CONTRACTOR));

        // the same key and body: the same run again; the same key with another body: refused, nothing new
        HttpResponse<String> again = createRun(key, RUN, TOKENS.insurer("3311"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).path("id").asString()).isEqualTo(run.path("id").asString());
        HttpResponse<String> otherBody = createRun(key, """
                {"executionDate":"2026-11-24","dueUpTo":"2026-11-22"}""", TOKENS.insurer("3311"));
        assertProblem(otherBody, 422, "rules-violated");
        assertThat(runsOf("3311")).isEqualTo(1);

        // the instructions stay OPEN in the run, and a manual acknowledgement of one is refused, naming the run
        UUID one = entryIds(contract, "3311").get(0);
        assertThat(json(send("GET", "/api/v1/payment-instructions/" + one, null, TOKENS.insurer("3311"), null))
                .path("status").asString()).isEqualTo("OPEN");
        HttpResponse<String> manual = send("POST", "/api/v1/payment-instructions/" + one + "/acknowledgement",
                "{\"status\":\"PAID\",\"paymentReference\":\"BANK-1\",\"paidOn\":\"2026-11-22\"}",
                TOKENS.insurer("3311"), null);
        assertThat(assertProblem(manual, 409, "in-payment-run").path("detail").asString())
                .contains(run.path("id").asString());

        // an amendment lowers 2026 to 1,800,000 per sector for 3311: two credits of -300,000
        publish(contract, 2, example(2025, 2_100_000, 1_400_000), example(2026, 1_800_000, 1_700_000));
        await(() -> entries(contract) >= 12);
        JsonNode second = json(createRun("example-2-" + UUID.randomUUID(), RUN, TOKENS.insurer("3311")));
        // nothing left to pay against: the credit stays open as a receivable, -300,000 x 2 = -600,000
        assertThat(second.path("transferCount").asInt()).isZero();
        assertThat(second.path("totalCents").asLong()).isZero();
        assertThat(second.path("receivables").values())
                .filteredOn(r -> r.path("payeeAgb").asString().equals(MAIN_CONTRACTOR)).singleElement().satisfies(r -> {
            assertThat(r.path("payeeAgb").asString()).isEqualTo(MAIN_CONTRACTOR);
            assertThat(r.path("netCents").asLong()).isEqualTo(-600_000L);
            assertThat(r.path("instructions").size()).isEqualTo(2);
        });

        // a later amendment raises 2026 to 2,300,000 per sector: +500,000 twice; the next run nets the open credits,
        // -300,000 x 2 + 500,000 x 2 = 400,000
        publish(contract, 3, example(2025, 2_100_000, 1_400_000), example(2026, 2_300_000, 1_200_000));
        await(() -> entries(contract) >= 16);
        JsonNode third = json(createRun("example-3-" + UUID.randomUUID(), RUN, TOKENS.insurer("3311")));
        assertThat(third.path("transferCount").asInt()).isEqualTo(1);
        assertThat(third.path("totalCents").asLong()).isEqualTo(400_000L);
        assertThat(third.path("transfers").get(0).path("instructions").size()).isEqualTo(4);
        assertThat(third.path("transfers").get(0).path("remittance").values())
                .extracting(l -> l.path("periodStart").asString() + " " + l.path("amountCents").asLong())
                .containsExactly("2026-01-01 400000");
        assertThat(third.path("receivables").values()).noneMatch(r -> r.path("payeeAgb").asString().equals(MAIN_CONTRACTOR));

        // the remittance advice: one row per instruction; a page per payee
        HttpResponse<String> csv = send("GET", "/api/v1/payment-runs/" + run.path("id").asString() + "/remittance",
                null, TOKENS.insurer("3311"), "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).startsWith("endToEndId,payeeAgb,creditorName,instructionId,contractReference");
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).allSatisfy(row -> assertThat(row)
                .startsWith(transfer.path("endToEndId").asString() + "," + MAIN_CONTRACTOR + ",Hoofdaannemer,")
                .contains("," + contract + ",").endsWith(",2100000,,,"));
        HttpResponse<String> html = send("GET", "/api/v1/payment-runs/" + run.path("id").asString()
                + "/remittance?format=html", null, TOKENS.operator(), null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // 8,400,000 cents = EUR 84000.00; each instruction 2,100,000 cents = 21000.00
        assertThat(html.body()).contains("Payee AGB " + MAIN_CONTRACTOR).contains("EUR 84000.00").contains("21000.00");

        // the bank file of the first run: valid by the official XSD; CtrlSum the 8,400,000 cents of its instructions
        HttpResponse<String> file = send("GET", "/api/v1/payment-runs/" + run.path("id").asString() + "/pain001", null,
                TOKENS.insurer("3311"), "application/xml");
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(OfficialXsd.PAIN_001_001_09.violations(file.body())).isEmpty();
        assertThat(file.body()).contains("<NbOfTxs>1</NbOfTxs>", "<CtrlSum>84000.00</CtrlSum>",
                "<InstdAmt Ccy=\"EUR\">84000.00</InstdAmt>", "<IBAN>NL20INGB0001234567</IBAN>");
        // the third run's: 400,000 cents, EUR 4000.00
        HttpResponse<String> thirdFile = send("GET", "/api/v1/payment-runs/" + third.path("id").asString() + "/pain001",
                null, TOKENS.insurer("3311"), "application/xml");
        assertThat(OfficialXsd.PAIN_001_001_09.violations(thirdFile.body())).isEmpty();
        assertThat(thirdFile.body()).contains("<CtrlSum>4000.00</CtrlSum>");

        LedgerInvariants.Report report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    /**
     * Insurer 4455 (of this test alone) owes 2,100,000 cents a year to a payee of its own, paid monthly in advance,
     * 21% VAT included: a month is 175,000 of which 175,000 x 2100 / 12100 = 30,371.90, so 30,372, is VAT. On
     * 22 November 2026 the 12 months of 2025 and 11 of 2026 are due: 23 x 175,000 = 4,025,000, VAT 23 x 30,372.
     */
    @Test
    void aMonthlyScheduleWithVat_paysTheDueMonths_andShowsTheVatPartOnInstructionsRemittanceAndLedger_R8_R10()
            throws Exception {
        String contract = "it-run-monthly-" + UUID.randomUUID();
        String payee = ownPayee();
        insurerAccount("4455", "NL39RABO0300065264", "Zorgverzekeraar 4455");
        payeeAccount(payee, "NL44RABO0123456789", "Maandelijks betaalde aanbieder");
        AllocationCalculated allocation = YearAllocations.allocation(contract, 1, FROM, UNTIL,
                List.of(year(2025, payee, line("4455", "HUISARTSENZORG", 2_100_000)),
                        year(2026, payee, line("4455", "HUISARTSENZORG", 2_100_000))),
                List.of(complete(2025), complete(2026)));
        allocation.setPaymentSchedule(nl.bdss.events.common.PaymentSchedule.MONTHLY);
        allocation.setPayeeVat(List.of(new nl.bdss.events.allocation.PayeeVat(payee,
                nl.bdss.events.common.VatTreatment.INCLUDED, 2100)));
        AllocationTopic.publish(allocation);
        await(() -> entries(contract) >= 23);

        assertThat(entries(contract)).isEqualTo(23);
        assertThat(jdbc.sql("""
                select count(*), sum(amount_cents), sum(vat_cents), min(instalment_start), max(instalment_end)
                from settlement_entry where contract_id = ?""").param(contract)
                .query((rs, n) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getString(4)
                        + " " + rs.getString(5)).single())
                .isEqualTo("23 4025000 698556 2025-01-01 2026-11-30");
        List<UUID> ids = entryIds(contract, "4455");
        JsonNode november = json(send("GET", "/api/v1/payment-instructions/" + ids.get(ids.size() - 1), null,
                TOKENS.insurer("4455"), null));
        assertThat(november.path("periodStart").asString()).isEqualTo("2026-01-01");
        assertThat(november.path("instalmentStart").asString()).isEqualTo("2026-11-01");
        assertThat(november.path("instalmentEnd").asString()).isEqualTo("2026-11-30");
        assertThat(november.path("dueDate").asString()).isEqualTo("2026-11-01");
        assertThat(november.path("amountCents").asLong()).isEqualTo(175_000L);
        assertThat(november.path("vatTreatment").asString()).isEqualTo("INCLUDED");
        assertThat(november.path("vatRateBasisPoints").asInt()).isEqualTo(2100);
        assertThat(november.path("vatCents").asLong()).isEqualTo(30_372L);

        JsonNode run = json(createRun("monthly-" + UUID.randomUUID(), RUN, TOKENS.insurer("4455")));
        assertThat(run.path("transfers").values()).filteredOn(t -> t.path("payeeAgb").asString().equals(payee))
                .singleElement().satisfies(t -> assertThat(t.path("amountCents").asLong()).isEqualTo(4_025_000L));
        List<String> rows = send("GET", "/api/v1/payment-runs/" + run.path("id").asString() + "/remittance?payee="
                + payee, null, TOKENS.insurer("4455"), "text/csv").body().lines().toList();
        assertThat(rows.get(0)).endsWith(",amountCents,instalmentStart,instalmentEnd,vatCents");
        assertThat(rows).hasSize(24).filteredOn(row -> row.contains(",LUMP_SUM,175000,2026-11-01,2026-11-30,30372"))
                .hasSize(1);
        assertThat(send("GET", "/api/v1/payment-runs/" + run.path("id").asString() + "/remittance?format=html&payee="
                + payee, null, TOKENS.insurer("4455"), null).body()).contains("2026-11-01 .. 2026-11-30")
                .contains("303.72").contains("amount EUR 40250.00, of which VAT EUR 6985.56");

        // the VAT part is owed on its own account, the rest on the payable; the cost carries the whole amount
        assertThat(credits("VAT_PAYABLE/4455/" + payee, contract)).isEqualTo(698_556L);
        assertThat(credits("PAYABLE/4455/" + payee, contract)).isEqualTo(4_025_000L - 698_556L);
        assertThat(invariants.check().holds()).isTrue();
    }

        @Test
    void twoRunsAtOnce_shareNoInstruction_andTogetherHoldEveryOneExactlyOnce() throws Exception {
        String insurer = "8101";
        insurerAccount(insurer, "NL91ABNA0417164300", "Verzekeraar 8101");
        List<UUID> all = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            String payee = ownPayee();
            // valid IBANs (MOD 97 check digits worked out for INGB000123456<p>)
            payeeAccount(payee, List.of("NL85INGB0001234561", "NL58INGB0001234562", "NL31INGB0001234563").get(p - 1), "Praktijk " + p);
            String contract = "it-run-concurrent-" + UUID.randomUUID();
            publish(contract, 1, year(2025, payee, line(insurer, "HUISARTSENZORG", 1_000_000),
                    line(insurer, "WIJKVERPLEGING", 1_000_000)), year(2026, payee,
                    line(insurer, "HUISARTSENZORG", 1_000_000), line(insurer, "WIJKVERPLEGING", 1_000_000)));
            await(() -> entries(contract) >= 4);
            all.addAll(entryIds(contract, insurer));
        }
        String token = TOKENS.insurer(insurer);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String key = "concurrent-" + t + "-" + UUID.randomUUID();
                runs.add(threads.submit(() -> {
                    start.await();
                    return createRun(key, RUN, token);
                }));
            }
            start.countDown();
            List<UUID> union = new ArrayList<>();
            long total = 0;
            for (Future<HttpResponse<String>> future : runs) {
                HttpResponse<String> response = future.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                JsonNode run = json(response);
                total += run.path("totalCents").asLong();
                for (JsonNode transfer : run.path("transfers").values()) {
                    union.addAll(ids(transfer.path("instructions")));
                }
            }
            // 3 payees x 2 years x 2 sectors x 1,000,000 = 12 instructions, 12,000,000 cents
            assertThat(union).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
            assertThat(total).isEqualTo(12_000_000L);
        } finally {
            threads.shutdownNow();
        }
        assertThat(runsOf(insurer)).isEqualTo(2);
    }

    @Test
    void twoRequestsAtOnceUnderOneKey_createOneRun() throws Exception {
        String insurer = "8501";
        String payee = ownPayee();
        insurerAccount(insurer, "NL91ABNA0417164300", "Verzekeraar 8501");
        payeeAccount(payee, "NL20INGB0001234567", "Praktijk 8501");
        String contract = "it-run-same-key-" + UUID.randomUUID();
        publish(contract, 1, year(2025, payee, line(insurer, "HUISARTSENZORG", 1_500)),
                year(2026, payee, line(insurer, "HUISARTSENZORG", 2_500)));
        await(() -> entries(contract) >= 2);
        String token = TOKENS.insurer(insurer);
        String key = "same-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> requests = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                requests.add(threads.submit(() -> {
                    start.await();
                    return createRun(key, RUN, token);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> request : requests) {
                JsonNode run = json(request.get());
                ids.add(run.path("id").asString());
                // 1,500 + 2,500
                assertThat(run.path("totalCents").asLong()).isEqualTo(4_000L);
            }
            assertThat(ids.get(0)).isEqualTo(ids.get(1));
        } finally {
            threads.shutdownNow();
        }
        assertThat(runsOf(insurer)).isEqualTo(1);
    }

    @Test
    void cancellingFreesTheInstructionsForTheNextRun_aSentRunCannotBeCancelled_andTheRunIsImmutable() throws Exception {
        String insurer = "8201";
        String payee = ownPayee();
        insurerAccount(insurer, "NL91ABNA0417164300", "Verzekeraar 8201");
        payeeAccount(payee, "NL20INGB0001234567", "Praktijk 8201");
        String contract = "it-run-cancel-" + UUID.randomUUID();
        publish(contract, 1, year(2025, payee, line(insurer, "HUISARTSENZORG", 250_000)),
                year(2026, payee, line(insurer, "HUISARTSENZORG", 350_000)));
        await(() -> entries(contract) >= 2);
        String token = TOKENS.insurer(insurer);

        JsonNode first = json(createRun("cancel-1-" + UUID.randomUUID(), RUN, token));
        // 250,000 + 350,000
        assertThat(first.path("totalCents").asLong()).isEqualTo(600_000L);
        String firstId = first.path("id").asString();

        // the run's contents and its header never change; an active run's claims stay
        assertThatThrownBy(() -> jdbc.sql("update payment_run_item set end_to_end_id = end_to_end_id where run_id = ?")
                .param(UUID.fromString(firstId)).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update payment_run_transfer set amount_cents = 1 where run_id = ?")
                .param(UUID.fromString(firstId)).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update payment_run set due_up_to = due_up_to - 1 where id = ?")
                .param(UUID.fromString(firstId)).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from payment_run_claim where run_id = ?")
                .param(UUID.fromString(firstId)).update()).hasMessageContaining("stays claimed");

        // nothing left for a second run while the first holds everything
        JsonNode empty = json(createRun("cancel-2-" + UUID.randomUUID(), RUN, token));
        assertThat(empty.path("transferCount").asInt()).isZero();

        HttpResponse<String> cancelled = send("POST", "/api/v1/payment-runs/" + firstId + "/cancellation", null,
                token, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
        // the cancelled run keeps its record
        assertThat(json(cancelled).path("totalCents").asLong()).isEqualTo(600_000L);
        assertThat(json(send("POST", "/api/v1/payment-runs/" + firstId + "/cancellation", null, TOKENS.operator(),
                null)).path("status").asString()).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> jdbc.sql("update payment_run set status = 'CREATED' where id = ?")
                .param(UUID.fromString(firstId)).update()).hasMessageContaining("no step");

        JsonNode next = json(createRun("cancel-3-" + UUID.randomUUID(), RUN, token));
        assertThat(next.path("totalCents").asLong()).isEqualTo(600_000L);
        assertThat(ids(next.path("transfers").get(0).path("instructions")))
                .containsExactlyInAnyOrderElementsOf(ids(first.path("transfers").get(0).path("instructions")));

        // SENT is set by the file step (not yet built); once sent, a run is no longer cancelled
        jdbc.sql("update payment_run set status = 'SENT' where id = ?")
                .param(UUID.fromString(next.path("id").asString())).update();
        assertProblem(send("POST", "/api/v1/payment-runs/" + next.path("id").asString() + "/cancellation", null,
                token, null), 409, "payment-run-sent");

        JsonNode sent = json(send("GET", "/api/v1/payment-runs?status=SENT", null, token, null));
        assertThat(sent.path("totalElements").asLong()).isEqualTo(1);
        assertThat(sent.path("content").get(0).path("id").asString()).isEqualTo(next.path("id").asString());
        assertThat(json(send("GET", "/api/v1/payment-runs", null, token, null)).path("totalElements").asLong())
                .isEqualTo(3);
    }

    @Test
    void aPayeeWithoutAnAccountIsNamed_itsInstructionsStayOpen_andAnInsurerWithoutADebtorAccountIsRefused()
            throws Exception {
        String insurer = "8301";
        String withAccount = ownPayee();
        String without = ownPayee();
        insurerAccount(insurer, "NL91ABNA0417164300", "Verzekeraar 8301");
        payeeAccount(withAccount, "NL20INGB0001234567", "Praktijk met rekening");
        String paid = "it-run-account-" + UUID.randomUUID();
        String unpaid = "it-run-no-account-" + UUID.randomUUID();
        publish(paid, 1, year(2025, withAccount, line(insurer, "HUISARTSENZORG", 123_456)),
                year(2026, withAccount, line(insurer, "HUISARTSENZORG", 1)));
        publish(unpaid, 1, year(2025, without, line(insurer, "WIJKVERPLEGING", 777_000)),
                year(2026, without, line(insurer, "WIJKVERPLEGING", 3)));
        await(() -> entries(paid) >= 2 && entries(unpaid) >= 2);

        JsonNode run = json(createRun("account-" + UUID.randomUUID(), RUN, TOKENS.insurer(insurer)));
        // 123,456 + 1
        assertThat(run.path("totalCents").asLong()).isEqualTo(123_457L);
        assertThat(run.path("transfers").get(0).path("payeeAgb").asString()).isEqualTo(withAccount);
        assertThat(run.path("problems").values()).singleElement().satisfies(p -> {
            assertThat(p.path("payeeAgb").asString()).isEqualTo(without);
            assertThat(p.path("problem").asString()).contains("NO_BANK_ACCOUNT");
            // 777,000 + 3
            assertThat(p.path("netCents").asLong()).isEqualTo(777_003L);
            assertThat(ids(p.path("instructions"))).containsExactlyInAnyOrderElementsOf(entryIds(unpaid, insurer));
        });
        for (UUID open : entryIds(unpaid, insurer)) {
            assertThat(jdbc.sql("select count(*) from payment_run_claim where entry_id = ?").param(open)
                    .query(Long.class).single()).isZero();
        }

        // an operator runs for an insurer without a debtor account: refused, naming the field and the rule
        String noDebtor = "8302";
        String contract = "it-run-no-debtor-" + UUID.randomUUID();
        publish(contract, 1, year(2025, withAccount, line(noDebtor, "HUISARTSENZORG", 500)),
                year(2026, withAccount, line(noDebtor, "HUISARTSENZORG", 500)));
        await(() -> entries(contract) >= 2);
        HttpResponse<String> refused = createRun("no-debtor-" + UUID.randomUUID(), """
                {"insurer":"8302","executionDate":"2026-11-23","dueUpTo":"2026-11-22"}""", TOKENS.operator());
        JsonNode problem = assertProblem(refused, 422, "rules-violated");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("insurer");
        assertThat(problem.path("errors").get(0).path("rule").asString()).isEqualTo("BANK_ACCOUNT");
        assertThat(runsOf(noDebtor)).isZero();
        assertThat(jdbc.sql("select count(*) from payment_run_claim c join settlement_entry e on e.id = c.entry_id"
                + " where e.uzovi = ?").param(noDebtor).query(Long.class).single()).isZero();

        // bad input: an operator without insurer, a day in the past, dueUpTo after executionDate, no key
        assertProblem(createRun("bad-" + UUID.randomUUID(), RUN, TOKENS.operator()), 400, "invalid-request");
        assertProblem(createRun("bad-" + UUID.randomUUID(), """
                {"executionDate":"2026-11-21","dueUpTo":"2026-11-20"}""", TOKENS.insurer(insurer)), 400,
                "invalid-request");
        assertProblem(createRun("bad-" + UUID.randomUUID(), """
                {"executionDate":"2026-11-23","dueUpTo":"2026-11-24"}""", TOKENS.insurer(insurer)), 400,
                "invalid-request");
        assertProblem(createRun(null, RUN, TOKENS.insurer(insurer)), 400, "invalid-request");
        assertThat(runsOf(insurer)).isEqualTo(1);
    }

    @Test
    void anotherInsurerSeesNoneOfIt_aProviderReadsOnlyTheRemittanceToItsOwnAgb() throws Exception {
        String insurer = "8401";
        String other = "8402";
        String payee = ownPayee();
        String otherPayee = ownPayee();
        insurerAccount(insurer, "NL91ABNA0417164300", "Verzekeraar 8401");
        payeeAccount(payee, "NL20INGB0001234567", "Praktijk 8401");
        payeeAccount(otherPayee, "NL90INGB0001234568", "Andere praktijk");
        String contract = "it-run-tenant-" + UUID.randomUUID();
        String otherContract = "it-run-tenant-other-" + UUID.randomUUID();
        publish(contract, 1, year(2025, payee, line(insurer, "HUISARTSENZORG", 10_000)),
                year(2026, payee, line(insurer, "HUISARTSENZORG", 20_000)));
        publish(otherContract, 1, year(2025, otherPayee, line(insurer, "HUISARTSENZORG", 40_000)),
                year(2026, otherPayee, line(insurer, "HUISARTSENZORG", 50_000)));
        await(() -> entries(contract) >= 2 && entries(otherContract) >= 2);
        JsonNode run = json(createRun("tenant-" + UUID.randomUUID(), RUN, TOKENS.insurer(insurer)));
        // 10,000 + 20,000 + 40,000 + 50,000
        assertThat(run.path("totalCents").asLong()).isEqualTo(120_000L);
        String id = run.path("id").asString();
        String stranger = TOKENS.insurer(other);

        assertProblem(send("GET", "/api/v1/payment-runs/" + id, null, stranger, null), 404, "payment-run-not-found");
        assertProblem(send("GET", "/api/v1/payment-runs/" + UUID.randomUUID(), null, stranger, null), 404,
                "payment-run-not-found");
        assertProblem(send("POST", "/api/v1/payment-runs/" + id + "/cancellation", null, stranger, null), 404,
                "payment-run-not-found");
        assertProblem(send("GET", "/api/v1/payment-runs/" + id + "/remittance", null, stranger, "text/csv"), 404,
                "payment-run-not-found");
        assertThat(json(send("GET", "/api/v1/payment-runs", null, stranger, null)).path("totalElements").asLong())
                .isZero();
        assertProblem(createRun("tenant-other-" + UUID.randomUUID(), """
                {"insurer":"8401","executionDate":"2026-11-23","dueUpTo":"2026-11-22"}""", stranger), 403,
                "forbidden");
        assertThat(json(send("GET", "/api/v1/payment-runs/" + id, null, TOKENS.operator(), null)).path("insurer")
                .asString()).isEqualTo(insurer);

        String provider = TOKENS.provider(payee);
        HttpResponse<String> own = send("GET", "/api/v1/payment-runs/" + id + "/remittance?payee=" + payee, null,
                provider, "text/csv");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        // the header and its two instructions, none of the other payee's
        assertThat(own.body().lines().toList()).hasSize(3).noneMatch(row -> row.contains(otherPayee));
        HttpResponse<String> noAccept = send("GET", "/api/v1/payment-runs/" + id + "/remittance?payee=" + payee, null,
                provider, null);
        assertThat(noAccept.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(noAccept.body()).isEqualTo(own.body());
        HttpResponse<String> page = send("GET", "/api/v1/payment-runs/" + id + "/remittance", null,
                TOKENS.insurer(insurer), "text/html");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // a page per payee: both payees of the run
        assertThat(page.body()).contains("Payee AGB " + payee).contains("Payee AGB " + otherPayee);
        assertProblem(send("GET", "/api/v1/payment-runs/" + id + "/remittance?payee=" + otherPayee, null, provider,
                "text/csv"), 404, "payment-run-not-found");
        assertProblem(send("GET", "/api/v1/payment-runs/" + id + "/remittance", null, provider, "text/csv"), 404,
                "payment-run-not-found");
        assertProblem(send("GET", "/api/v1/payment-runs/" + id, null, provider, null), 403, "forbidden");
        assertProblem(send("GET", "/api/v1/payment-runs", null, TOKENS.ttp(), null), 403, "forbidden");
    }

    /**
     * Insurer 8611 owes payee A 100,000 and payee B 50,000 (two contracts, 2025, due). The run's pain.001 holds both
     * transfers, CtrlSum EUR 1500.00; downloading it marks the run SENT. The bank accepts A's transfer and rejects B's
     * (AC04, account closed): A's instruction is PAID with the bank's reference, B's is open again and the next run
     * takes it. The same report twice changes nothing; a report on another message or naming an unknown transaction
     * is refused and changes nothing.
     */
    @Test
    void theRunsFileGoesToTheBank_andItsStatusReportPaysOneTransferAndGivesTheRejectedOneBack() throws Exception {
        String a = ownPayee();
        String b = ownPayee();
        String first = "it-run-file-a-" + UUID.randomUUID();
        String second = "it-run-file-b-" + UUID.randomUUID();
        insurerAccount("8611", "NL91ABNA0417164300", "Zorgverzekeraar 8611");
        payeeAccount(a, "NL20INGB0001234567", "Praktijk A");
        payeeAccount(b, "NL44RABO0123456789", "Praktijk B");
        publish(first, 1, year(2025, a, line("8611", "HUISARTSENZORG", 100_000)));
        publish(second, 1, year(2025, b, line("8611", "WIJKVERPLEGING", 50_000)));
        await(() -> entries(first) >= 1 && entries(second) >= 1);
        String token = TOKENS.insurer("8611");
        JsonNode run = json(createRun("file-" + UUID.randomUUID(), RUN, token));
        String path = "/api/v1/payment-runs/" + run.path("id").asString();
        String messageId = "BDSS-RUN-" + run.path("runNumber").asLong();
        Map<String, String> endToEnd = new java.util.HashMap<>();
        run.path("transfers").values().forEach(t -> endToEnd.put(t.path("payeeAgb").asString(), t.path("endToEndId").asString()));
        assertThat(endToEnd).containsOnlyKeys(a, b);

        assertProblem(send("POST", path + "/status-report", report(messageId, endToEnd.get(a), "ACSC"), token, null,
                null, "application/xml"), 409, "payment-run-not-sent");

        HttpResponse<String> file = send("GET", path + "/pain001", null, token, "application/xml");
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(OfficialXsd.PAIN_001_001_09.violations(file.body())).isEmpty();
        com.prowidesoftware.swift.model.mx.MxPain00100109 pain001 =
                com.prowidesoftware.swift.model.mx.MxPain00100109.parse(file.body());
        assertThat(pain001.getCstmrCdtTrfInitn().getGrpHdr().getMsgId()).isEqualTo(messageId);
        assertThat(pain001.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs()).isEqualTo("2");
        assertThat(pain001.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualTo(new java.math.BigDecimal("1500.00"));
        assertThat(send("GET", path + "/pain001", null, token, "application/xml").body()).isEqualTo(file.body());
        assertThat(json(send("GET", path, null, token, null)).path("status").asString()).isEqualTo("SENT");
        assertProblem(send("POST", path + "/cancellation", null, token, null), 409, "payment-run-sent");

        String partly = report(messageId, endToEnd.get(a), "ACSC") .replace("</OrgnlPmtInfAndSts>",
                transaction(endToEnd.get(b), "RJCT") + "</OrgnlPmtInfAndSts>");
        assertThat(OfficialXsd.PAIN_002_001_10.violations(partly)).as("a report a bank could send").isEmpty();
        assertProblem(send("POST", path + "/status-report", partly.replace(messageId, "BDSS-RUN-0"), token, null, null,
                "application/xml"), 422, "rules-violated");
        assertProblem(send("POST", path + "/status-report", partly.replace(endToEnd.get(b), "BDSS-0-9"), token, null,
                null, "application/xml"), 422, "rules-violated");
        assertThat(instruction(first, token).path("status").asString()).isEqualTo("OPEN");

        HttpResponse<String> applied = send("POST", path + "/status-report", partly, token, null, null, "application/xml");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json(applied).path("run").path("status").asString()).isEqualTo("COMPLETED");
        JsonNode paid = instruction(first, token);
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(paid.path("paymentReference").asString()).isEqualTo("BANK-" + endToEnd.get(a));
        assertThat(instruction(second, token).path("status").asString()).isEqualTo("OPEN");

        // downstream finance is told once, through the outbox, keyed by the insurer: A accepted, B rejected
        List<byte[]> announced = jdbc.sql("select payload from outbox_message where topic = ? and message_key = ?")
                .params(nl.bdss.events.Topics.PAYMENT_RUNS.name(), "8611").query(byte[].class).list();
        assertThat(announced).hasSize(1);
        nl.bdss.events.settlement.PaymentRunCompleted completed = new org.apache.avro.specific.SpecificDatumReader<>(
                nl.bdss.events.settlement.PaymentRunCompleted.class).read(null,
                org.apache.avro.io.DecoderFactory.get().binaryDecoder(announced.get(0), null));
        assertThat(completed.getMessageId()).isEqualTo(messageId);
        assertThat(completed.getTransfers()).extracting(t -> t.getPayeeAgb() + " " + t.getAmountCents() + " "
                + t.getOutcome() + " " + t.getInstructionIds().size())
                .containsExactlyInAnyOrder(a + " 100000 ACCEPTED 1", b + " 50000 REJECTED 1");
        // and the same event, under the same key, on 8611's own topic only (issue 16)
        List<String> insurerTopics = jdbc.sql("select topic from outbox_message where topic like ? and message_key = ?")
                .params(nl.bdss.events.Topics.INSURER_PREFIX + "%", "8611").query(String.class).list();
        assertThat(insurerTopics).containsExactly(nl.bdss.events.Topics.insurerPaymentRuns("8611").name());
        assertThat(jdbc.sql("select payload from outbox_message where topic = ? and message_key = ?")
                .params(nl.bdss.events.Topics.insurerPaymentRuns("8611").name(), "8611").query(byte[].class).single())
                .isEqualTo(announced.get(0));

        HttpResponse<String> again = send("POST", path + "/status-report", partly, token, null, null, "application/xml");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("recorded").size()).isZero();
        assertThat(instruction(first, token).path("status").asString()).isEqualTo("PAID");

        JsonNode next = json(createRun("file-next-" + UUID.randomUUID(), RUN, token));
        assertThat(next.path("transfers").values()).singleElement().satisfies(t -> {
            assertThat(t.path("payeeAgb").asString()).isEqualTo(b);
            assertThat(t.path("amountCents").asLong()).isEqualTo(50_000L);
        });
        LedgerInvariants.Report invariantsAfter = invariants.check();
        assertThat(invariantsAfter.holds()).as(invariantsAfter.toString()).isTrue();
    }

    private JsonNode instruction(String contract, String token) {
        UUID id = entryIds(contract, "8611").get(0);
        return json(send("GET", "/api/v1/payment-instructions/" + id, null, token, null));
    }

    /** A bank's pain.002.001.10 on the message with one transaction's status. */
    private static String report(String messageId, String endToEndId, String status) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>BANK-%s</MsgId><CreDtTm>2026-11-23T10:00:00+01:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>%s-1</OrgnlPmtInfId>%s</OrgnlPmtInfAndSts>
                </CstmrPmtStsRpt></Document>
                """.formatted(messageId, messageId, messageId, transaction(endToEndId, status));
    }

    private static String transaction(String endToEndId, String status) {
        return "RJCT".equals(status)
                ? "<TxInfAndSts><OrgnlEndToEndId>" + endToEndId + "</OrgnlEndToEndId><TxSts>RJCT</TxSts>"
                        + "<StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Rekening opgeheven</AddtlInf></StsRsnInf></TxInfAndSts>"
                : "<TxInfAndSts><OrgnlEndToEndId>" + endToEndId + "</OrgnlEndToEndId><TxSts>" + status + "</TxSts>"
                        + "<AcctSvcrRef>BANK-" + endToEndId + "</AcctSvcrRef></TxInfAndSts>";
    }

    // helpers

    /** A payee of this test's own: 12 and six random digits (no other test uses 12...). */
    private static String ownPayee() {
        return String.format("12%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
    }

    private void insurerAccount(String uzovi, String iban, String holder) {
        jdbc.sql("""
                insert into insurer_bank_account (uzovi, iban, bic, account_holder, revision, updated_at, updated_by)
                values (?, ?, null, ?, 1, now(), 'payment-runs-it') on conflict (uzovi) do nothing""")
                .params(uzovi, iban, holder).update();
    }

    private void payeeAccount(String agb, String iban, String holder) {
        jdbc.sql("""
                insert into payee_bank_account (agb, iban, bic, account_holder, revision, updated_at, updated_by)
                values (?, ?, null, ?, 1, now(), 'payment-runs-it') on conflict (agb) do nothing""")
                .params(agb, iban, holder).update();
    }

    private static void publish(String contract, int version, AllocationPeriod... years) throws Exception {
        AllocationTopic.publish(YearAllocations.allocation(contract, version, FROM, UNTIL, List.of(years),
                List.of(complete(2025), complete(2026))));
    }

    /** The credits on an account by the entries of one contract. */
    private long credits(String account, String contract) {
        return jdbc.sql("""
                select coalesce(sum(p.credit_cents), 0) from ledger_posting p
                where p.account = ? and p.booking_ref in (select entry_key from settlement_entry where contract_id = ?)""")
                .params(account, contract).query(Long.class).single();
    }

    private long entries(String contract) {
        return jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(contract)
                .query(Long.class).single();
    }

    private List<UUID> entryIds(String contract, String uzovi) {
        return jdbc.sql("select id from settlement_entry where contract_id = ? and uzovi = ? order by sequence")
                .params(contract, uzovi).query(UUID.class).list();
    }

    private long runsOf(String uzovi) {
        return jdbc.sql("select count(*) from payment_run where uzovi = ?").param(uzovi).query(Long.class).single();
    }

    private static List<UUID> ids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.values().forEach(node -> ids.add(UUID.fromString(node.asString())));
        return ids;
    }

    private HttpResponse<String> createRun(String key, String body, String token) {
        return send("POST", "/api/v1/payment-runs", body, token, null, key);
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String accept) {
        return send(method, path, body, token, accept, null);
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String accept,
            String idempotencyKey) {
        return send(method, path, body, token, accept, idempotencyKey, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String accept,
            String idempotencyKey, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
