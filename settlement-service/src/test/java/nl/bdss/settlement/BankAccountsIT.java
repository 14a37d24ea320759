package nl.bdss.settlement;

import static nl.bdss.security.testing.ProblemShape.assertProblem;
import static nl.bdss.security.testing.ProblemShape.fields;
import static nl.bdss.settlement.YearAllocations.complete;
import static nl.bdss.settlement.YearAllocations.line;
import static nl.bdss.settlement.YearAllocations.year;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.settlement.bankaccounts.application.BankAccounts;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Bank accounts (issue 16) through real PostgreSQL with security on (provider, insurer and operator tokens) and the
 * clock at 2026-11-22 12:00 UTC: a provider registers and changes its account (revisions, history, the audit trail),
 * a wrong IBAN names the field and stores nothing, another provider neither reads nor writes it, an insurer that pays
 * the payee reads it and one that does not gets the 404 of an unknown account, and insurers' debtor accounts alike.
 *
 * <p>One allocation, published as allocation-service does, makes insurer 7501 pay {@link #PAID} in 2026; 7502 pays
 * nobody. Every other test has its own fresh AGB codes or insurers (76xx, 77xx), so none depends on another's order.
 * Own database and consumer group; relay and scheduler off.
 */
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SettlementServiceApplication.CONFIG_NAME,
                "spring.application.name=settlement-bank-accounts-it",
                "bdss.messaging.relay-enabled=false",
                "bdss.settlement.scheduler-enabled=false"})
@UsesInfrastructure(database = "settlement_bank_accounts")
@UsesTestTokenIssuer
class BankAccountsIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The payee insurer 7501 pays (02...). */
    private static final String PAID = freshAgb();
    /** The registry's Dutch example; rearranged it leaves remainder 1 mod 97 (worked out in the kernel's test). */
    private static final String NL_EXAMPLE = "NL91ABNA0417164300";
    /** Valid too: 101123100123456789232102 mod 97 = 1 (pieces 18, 58, 29, 1; the kernel's test). */
    private static final String NL_OTHER = "NL02ABNA0123456789";

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    private final TestTokenIssuer tokens = TestTokenIssuer.get();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BankAccounts bankAccounts;

    @LocalServerPort
    int port;

    @BeforeAll
    void insurer7501PaysThePaidPayee() throws Exception {
        String contract = "it-bank-" + UUID.randomUUID();
        AllocationTopic.publish(YearAllocations.allocation(contract, 1, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), List.of(year(2026, PAID, line("7501", "HUISARTSENZORG", 120_000L))),
                List.of(complete(2026))));
        await(() -> jdbc.sql("select count(*) from allocation_line where contract_id = ?").param(contract)
                .query(Long.class).single() == 1);
    }

    @Test
    void aProvider_registersAndChangesItsAccount_withRevisionsHistoryAndAudit() throws Exception {
        String agb = freshAgb();
        String provider = tokens.provider(agb);

        JsonNode first = json(put("/api/v1/payees/" + agb + "/bank-account",
                account("nl91 abna 0417 1643 00", null, "Huisartsenpraktijk De Linde"), provider));
        assertThat(first.path("agb").asString()).isEqualTo(agb);
        assertThat(first.path("iban").asString()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(first.path("bic").isNull()).isTrue();
        assertThat(first.path("accountHolder").asString()).isEqualTo("Huisartsenpraktijk De Linde");
        assertThat(first.path("revision").asInt()).isEqualTo(1);
        assertThat(Instant.parse(first.path("updatedAt").asString())).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(first.path("updatedBy").asString()).isEqualTo("provider-" + agb);

        // the same account written otherwise: no new revision
        JsonNode again = json(put("/api/v1/payees/" + agb + "/bank-account",
                account(NL_EXAMPLE, "", "Huisartsenpraktijk De Linde"), provider));
        assertThat(again.path("revision").asInt()).isEqualTo(1);
        assertThat(changes("PAYEE", agb)).isEqualTo(1);

        CLOCK.moveTo(Instant.parse("2026-11-22T13:00:00Z"));
        try {
            JsonNode changed = json(put("/api/v1/payees/" + agb + "/bank-account",
                    account(NL_OTHER, "abnanl2a", "Huisartsenpraktijk De Linde B.V."), provider));
            assertThat(changed.path("revision").asInt()).isEqualTo(2);
            assertThat(changed.path("iban").asString()).isEqualTo("NL02 ABNA 0123 4567 89");
            assertThat(changed.path("bic").asString()).isEqualTo("ABNANL2A");
            assertThat(Instant.parse(changed.path("updatedAt").asString()))
                    .isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
        } finally {
            CLOCK.moveToNoonOf("2026-11-22");
        }

        JsonNode current = json(get("/api/v1/payees/" + agb + "/bank-account", provider));
        assertThat(current.path("revision").asInt()).isEqualTo(2);
        assertThat(current.path("iban").asString()).isEqualTo("NL02 ABNA 0123 4567 89");

        JsonNode history = json(get("/api/v1/payees/" + agb + "/bank-account/history", provider));
        assertThat(history.path("revisions").size()).isEqualTo(2);
        JsonNode one = history.path("revisions").get(0);
        assertThat(one.path("revision").asInt()).isEqualTo(1);
        assertThat(one.path("iban").asString()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(one.path("changedBy").asString()).isEqualTo("provider-" + agb);
        assertThat(Instant.parse(one.path("changedAt").asString())).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(history.path("revisions").get(1).path("accountHolder").asString())
                .isEqualTo("Huisartsenpraktijk De Linde B.V.");

        // the table holds the electronic form, the current row is the account
        assertThat(jdbc.sql("select iban || ' ' || bic || ' ' || revision from payee_bank_account where agb = ?")
                .param(agb).query(String.class).single()).isEqualTo("NL02ABNA0123456789 ABNANL2A 2");
        assertThat(changes("PAYEE", agb)).isEqualTo(2);
        assertThat(bankAccounts.payee(AgbCode.of(agb))).hasValueSatisfying(
                a -> assertThat(a.account().iban().value()).isEqualTo(NL_OTHER));
        assertThat(bankAccounts.payee(AgbCode.of(freshAgb()))).isEmpty();

        awaitAudited("provider-" + agb, "PROVIDER", "PUT /api/v1/payees/{agb}/bank-account", "payee-bank-account",
                agb, 200, 3);
        awaitAudited("provider-" + agb, "PROVIDER", "GET /api/v1/payees/{agb}/bank-account/history",
                "payee-bank-account", agb, 200, 1);
    }

    /** NL92...: the check digits one more than NL91's add 1 to the rearranged number, so the remainder is 2. */
    @Test
    void aWrongIban_namesTheField_andStoresNothing() {
        String agb = freshAgb();
        String provider = tokens.provider(agb);

        JsonNode checkDigits = assertProblem(put("/api/v1/payees/" + agb + "/bank-account",
                account("NL92ABNA0417164300", null, "Praktijk"), provider), 400, "invalid-request");
        assertThat(fields(checkDigits)).containsExactly("iban");
        assertThat(checkDigits.path("errors").get(0).path("rule").asString()).isEqualTo("REQUEST");
        assertThat(checkDigits.path("errors").get(0).path("message").asString()).contains("MOD 97-10");

        JsonNode tooShort = assertProblem(put("/api/v1/payees/" + agb + "/bank-account",
                account("NL91ABNA041716430", null, "Praktijk"), provider), 400, "invalid-request");
        assertThat(fields(tooShort)).containsExactly("iban");
        assertThat(tooShort.path("errors").get(0).path("message").asString())
                .contains("NL has 18 characters, this one has 17");

        // the X where NL91's 0 was makes 33 two digits of the number: the remainder is no longer 1
        JsonNode everything = assertProblem(put("/api/v1/payees/" + agb + "/bank-account",
                account("NL91ABNA04171643X0", "ABN", " "), provider), 400, "invalid-request");
        assertThat(fields(everything)).containsExactly("iban", "bic", "accountHolder");

        JsonNode longHolder = assertProblem(put("/api/v1/payees/" + agb + "/bank-account",
                account(NL_EXAMPLE, null, "x".repeat(141)), provider), 400, "invalid-request");
        assertThat(fields(longHolder)).containsExactly("accountHolder");

        assertProblem(get("/api/v1/payees/" + agb + "/bank-account", provider), 404, "bank-account-not-found");
        assertThat(jdbc.sql("select count(*) from payee_bank_account where agb = ?").param(agb).query(Long.class)
                .single()).isZero();
        assertThat(changes("PAYEE", agb)).isZero();

        // a wrong change of a registered account leaves it as it was
        json(put("/api/v1/payees/" + agb + "/bank-account", account(NL_EXAMPLE, null, "Praktijk"), provider));
        assertProblem(put("/api/v1/payees/" + agb + "/bank-account", account("NL91ABNA0417164301", null, "Praktijk"),
                provider), 400, "invalid-request");
        JsonNode kept = json(get("/api/v1/payees/" + agb + "/bank-account", provider));
        assertThat(kept.path("revision").asInt()).isEqualTo(1);
        assertThat(kept.path("iban").asString()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(changes("PAYEE", agb)).isEqualTo(1);
    }

    @Test
    void anotherProvider_neitherReadsNorWritesIt_andSeesWhatAnUnknownAgbShows() {
        String owner = freshAgb();
        String other = freshAgb();
        String nobody = freshAgb();
        json(put("/api/v1/payees/" + owner + "/bank-account", account(NL_EXAMPLE, null, "Eigenaar"),
                tokens.provider(owner)));

        HttpResponse<String> read = get("/api/v1/payees/" + owner + "/bank-account", tokens.provider(other));
        HttpResponse<String> unknown = get("/api/v1/payees/" + nobody + "/bank-account", tokens.operator());
        assertProblem(read, 404, "bank-account-not-found");
        assertProblem(unknown, 404, "bank-account-not-found");
        assertThat(read.body().replace(owner, "AGB")).isEqualTo(unknown.body().replace(nobody, "AGB"));

        assertProblem(put("/api/v1/payees/" + owner + "/bank-account", account(NL_OTHER, null, "Kaper"),
                tokens.provider(other)), 404, "bank-account-not-found");
        assertProblem(get("/api/v1/payees/" + owner + "/bank-account/history", tokens.provider(other)), 404,
                "bank-account-not-found");

        JsonNode unchanged = json(get("/api/v1/payees/" + owner + "/bank-account", tokens.operator()));
        assertThat(unchanged.path("revision").asInt()).isEqualTo(1);
        assertThat(unchanged.path("accountHolder").asString()).isEqualTo("Eigenaar");
        assertThat(changes("PAYEE", owner)).isEqualTo(1);
        assertThat(changes("PAYEE", other)).isZero();
    }

    @Test
    void anInsurerPayingThePayee_readsItsAccount_anUnrelatedInsurerGetsTheUnknownAccounts404() {
        json(put("/api/v1/payees/" + PAID + "/bank-account", account(NL_EXAMPLE, "ABNANL2A", "Gezondheidscentrum"),
                tokens.provider(PAID)));

        JsonNode seen = json(get("/api/v1/payees/" + PAID + "/bank-account", tokens.insurer("7501")));
        assertThat(seen.path("iban").asString()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(seen.path("accountHolder").asString()).isEqualTo("Gezondheidscentrum");

        String nobody = freshAgb();
        HttpResponse<String> unrelated = get("/api/v1/payees/" + PAID + "/bank-account", tokens.insurer("7502"));
        HttpResponse<String> unknown = get("/api/v1/payees/" + nobody + "/bank-account", tokens.insurer("7501"));
        assertProblem(unrelated, 404, "bank-account-not-found");
        assertProblem(unknown, 404, "bank-account-not-found");
        assertThat(unrelated.body().replace(PAID, "AGB")).isEqualTo(unknown.body().replace(nobody, "AGB"));

        // an insurer neither registers a payee's account nor reads its history (the security rules)
        assertProblem(put("/api/v1/payees/" + PAID + "/bank-account", account(NL_OTHER, null, "Verzekeraar"),
                tokens.insurer("7501")), 403, "forbidden");
        assertProblem(get("/api/v1/payees/" + PAID + "/bank-account/history", tokens.insurer("7501")), 403,
                "forbidden");
        assertThat(json(get("/api/v1/payees/" + PAID + "/bank-account", tokens.operator())).path("revision").asInt())
                .isEqualTo(1);
    }

    @Test
    void anInsurersDebtorAccount_itsOwnOnly_anOperatorOnItsBehalf() throws Exception {
        String insurer = tokens.insurer("7601");

        JsonNode first = json(put("/api/v1/insurers/7601/bank-account",
                account("NL20 INGB 0001 2345 67", "INGBNL2A", "Zorgverzekeraar 7601 N.V."), insurer));
        assertThat(first.path("uzovi").asString()).isEqualTo("7601");
        assertThat(first.has("agb")).isFalse();
        assertThat(first.path("iban").asString()).isEqualTo("NL20 INGB 0001 2345 67");
        assertThat(first.path("revision").asInt()).isEqualTo(1);

        assertProblem(get("/api/v1/insurers/7601/bank-account", tokens.insurer("7602")), 403, "forbidden");
        assertProblem(put("/api/v1/insurers/7601/bank-account", account(NL_EXAMPLE, null, "Ander"),
                tokens.insurer("7602")), 403, "forbidden");
        assertProblem(get("/api/v1/insurers/7601/bank-account", tokens.provider(PAID)), 403, "forbidden");
        // NL20INGB0001234567 is valid (its rearranged number leaves 1); the last digit one more adds 10^6 (232120
        // follows it), 10^6 = 27 (mod 97), so the remainder is 28
        JsonNode wrong = assertProblem(put("/api/v1/insurers/7601/bank-account",
                account("NL20INGB0001234568", null, "Zorgverzekeraar 7601 N.V."), insurer), 400, "invalid-request");
        assertThat(fields(wrong)).containsExactly("iban");

        JsonNode byOperator = json(put("/api/v1/insurers/7601/bank-account",
                account(NL_EXAMPLE, null, "Zorgverzekeraar 7601 N.V."), tokens.operator()));
        assertThat(byOperator.path("revision").asInt()).isEqualTo(2);
        assertThat(byOperator.path("updatedBy").asString()).isEqualTo("operator");

        JsonNode history = json(get("/api/v1/insurers/7601/bank-account/history", insurer));
        assertThat(history.path("uzovi").asString()).isEqualTo("7601");
        assertThat(history.path("revisions").values()).extracting(r -> r.path("revision").asInt() + " "
                + r.path("changedBy").asString() + " " + r.path("iban").asString())
                .containsExactly("1 insurer-7601 NL20 INGB 0001 2345 67", "2 operator NL91 ABNA 0417 1643 00");
        assertThat(json(get("/api/v1/insurers/7601/bank-account", insurer)).path("revision").asInt()).isEqualTo(2);
        assertThat(changes("INSURER", "7601")).isEqualTo(2);
        assertThat(bankAccounts.insurer(Uzovi.of("7601"))).hasValueSatisfying(
                a -> assertThat(a.account().iban().value()).isEqualTo(NL_EXAMPLE));

        assertProblem(get("/api/v1/insurers/7701/bank-account", tokens.insurer("7701")), 404,
                "bank-account-not-found");
        assertProblem(get("/api/v1/insurers/7701/bank-account/history", tokens.operator()), 404,
                "bank-account-not-found");
        assertThat(bankAccounts.insurer(Uzovi.of("7701"))).isEmpty();

        awaitAudited("insurer-7601", "INSURER", "PUT /api/v1/insurers/{uzovi}/bank-account", "insurer-bank-account",
                "7601", 200, 1);
        awaitAudited("insurer-7602", "INSURER", "PUT /api/v1/insurers/{uzovi}/bank-account", "insurer-bank-account",
                "7601", 403, 1);
        awaitAudited("operator", "OPERATOR", "PUT /api/v1/insurers/{uzovi}/bank-account", "insurer-bank-account",
                "7601", 200, 1);
        awaitAudited("insurer-7602", "INSURER", "GET /api/v1/insurers/{uzovi}/bank-account", "insurer-bank-account",
                "7601", 403, 1);
    }

    // Helpers

    private static String freshAgb() {
        return String.format("02%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
    }

    private static String account(String iban, String bic, String holder) {
        return "{\"iban\":\"" + iban + "\"" + (bic == null ? "" : ",\"bic\":\"" + bic + "\"")
                + ",\"accountHolder\":\"" + holder + "\"}";
    }

    private long changes(String kind, String code) {
        return jdbc.sql("select count(*) from bank_account_change where holder_kind = ? and holder_code = ?")
                .params(kind, code).query(Long.class).single();
    }

    private void awaitAudited(String client, String role, String action, String objectType, String objectId,
            int outcome, int atLeast) throws InterruptedException {
        await(() -> jdbc.sql("""
                        select count(*) from audit_entry
                        where client_id = ? and role = ? and action = ? and object_type = ? and object_id = ?
                          and outcome = ?""")
                .params(client, role, action, objectType, objectId, outcome)
                .query(Long.class).single() >= atLeast);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) {
        return send("GET", path, null, token);
    }

    private HttpResponse<String> put(String path, String body, String token) {
        return send("PUT", path, body, token);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
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

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 90 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
