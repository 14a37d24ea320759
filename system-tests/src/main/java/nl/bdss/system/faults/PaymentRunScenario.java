package nl.bdss.system.faults;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.Databases;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;
import nl.bdss.system.stack.StackClient;
import tools.jackson.databind.JsonNode;

/**
 * The money leaves the system: every insurer and payee of the load registers a bank account with its own token, each
 * insurer creates a payment run, settlement-service is killed with {@code kill -9} and the same requests are repeated
 * under the same keys (they must answer the same runs), the bank files are downloaded, the bank's status report
 * accepts every transfer but one, which it rejects, and is imported twice; then the rejected insurer's next run must
 * hold exactly the rejected instructions again, and its report accepts them. {@link Invariants} checks afterwards that
 * no instruction was paid twice and none was lost.
 */
final class PaymentRunScenario {

    private static final Pattern END_TO_END = Pattern.compile("<EndToEndId>([^<]+)</EndToEndId>");
    private static final Pattern MESSAGE_ID = Pattern.compile("<MsgId>([^<]+)</MsgId>");
    private static final Pattern PAYMENT_INFORMATION = Pattern.compile("<PmtInfId>([^<]+)</PmtInfId>");

    record Outcome(List<Invariants.Violation> violations, int runs, int transfers, String rejected) {
    }

    private final Stack stack;
    private final StackClient client;
    private final Databases databases;
    private final RunLog log;
    private final String keyPrefix;
    private final List<Invariants.Violation> violations = new ArrayList<>();

    PaymentRunScenario(Stack stack, StackClient client, Databases databases, RunLog log, long seed) {
        this.stack = stack;
        this.client = client;
        this.databases = databases;
        this.log = log;
        this.keyPrefix = "fi-run-" + Long.toString(seed, 36);
    }

    Outcome run() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> insurers = databases.query("settlement", "select distinct trim(uzovi) from settlement_entry order by 1",
                row -> row.getString(1));
        List<String> payees = databases.query("settlement",
                "select distinct trim(payee_agb) from settlement_entry order by 1", row -> row.getString(1));
        int account = 0;
        for (String uzovi : insurers) {
            register(StackClient.insurer(uzovi), "/api/v1/insurers/" + uzovi + "/bank-account", ++account,
                    "Zorgverzekeraar " + uzovi);
        }
        for (String agb : payees) {
            register(StackClient.provider(agb), "/api/v1/payees/" + agb + "/bank-account", ++account,
                    "Zorgaanbieder " + agb);
        }
        log.say("payment runs: %d debtor and %d payee accounts registered, each with its own token", insurers.size(),
                payees.size());

        String body = "{\"executionDate\":\"" + today + "\",\"dueUpTo\":\"" + today + "\"}";
        Map<String, JsonNode> runs = new LinkedHashMap<>();
        for (String uzovi : insurers) {
            runs.put(uzovi, createRun(uzovi, keyPrefix + "-" + uzovi + "-1", body));
        }
        long pid = stack.restart(Component.SETTLEMENT, Duration.ZERO, List.of());
        log.fault("kill -9 settlement-service (pid %d) after the payment runs were created, then the same requests", pid);
        for (String uzovi : insurers) {
            JsonNode again = createRun(uzovi, keyPrefix + "-" + uzovi + "-1", body);
            if (!again.path("id").asString().equals(runs.get(uzovi).path("id").asString())) {
                violations.add(new Invariants.Violation("a payment run under the same key is the same run", uzovi,
                        runs.get(uzovi).path("id").asString(), again.path("id").asString()));
            }
        }

        String rejected = null;
        List<String> rejectedEntries = List.of();
        int transfers = 0;
        for (Map.Entry<String, JsonNode> run : runs.entrySet()) {
            if (run.getValue().path("transferCount").asInt() == 0) {
                continue;
            }
            String uzovi = run.getKey();
            String id = run.getValue().path("id").asString();
            String file = bankFile(uzovi, id);
            List<String> endToEnd = all(END_TO_END, file);
            transfers += endToEnd.size();
            String reject = rejected == null ? endToEnd.get(0) : null;
            if (reject != null) {
                rejected = uzovi + " " + reject;
                rejectedEntries = entriesOf(reject);
            }
            String report = statusReport(file, endToEnd, reject);
            for (int time = 1; time <= 2; time++) {
                HttpResponse<String> answer = client.send(StackClient.insurer(uzovi), "POST", Component.SETTLEMENT,
                        "/api/v1/payment-runs/" + id + "/status-report", "application/xml", "application/json", null, report);
                expect(answer, 200, "status report " + time + " of run " + id);
            }
            if (reject != null) {
                JsonNode next = createRun(uzovi, keyPrefix + "-" + uzovi + "-2", body);
                List<String> again = databases.query("settlement",
                        "select entry_id::text from payment_run_item where run_id = ?::uuid order by 1",
                        row -> row.getString(1), next.path("id").asString());
                if (!again.containsAll(rejectedEntries)) {
                    violations.add(new Invariants.Violation("the next run holds the rejected instructions again",
                            reject, rejectedEntries.toString(), again.toString()));
                }
                String nextFile = bankFile(uzovi, next.path("id").asString());
                HttpResponse<String> answer = client.send(StackClient.insurer(uzovi), "POST", Component.SETTLEMENT,
                        "/api/v1/payment-runs/" + next.path("id").asString() + "/status-report", "application/xml",
                        "application/json", null, statusReport(nextFile, all(END_TO_END, nextFile), null));
                expect(answer, 200, "status report of the next run " + next.path("id").asString());
                transfers += all(END_TO_END, nextFile).size();
            }
        }
        log.say("payment runs: %d runs, %d transfers, rejected %s (%d instructions), then paid by the next run",
                runs.size(), transfers, rejected, rejectedEntries.size());
        return new Outcome(List.copyOf(violations), runs.size(), transfers, rejected);
    }

    private void register(String as, String path, int number, String holder) {
        String iban = dutchIban(number);
        HttpResponse<String> answer = client.send(as, "PUT", Component.SETTLEMENT, path, "application/json",
                "application/json", null, "{\"iban\":\"" + iban + "\",\"accountHolder\":\"" + holder + "\"}");
        if (answer.statusCode() / 100 != 2) {
            violations.add(new Invariants.Violation("a party registers its own bank account", path, "2xx",
                    answer.statusCode() + " " + answer.body()));
        }
    }

    private JsonNode createRun(String uzovi, String key, String body) {
        HttpResponse<String> answer = client.send(StackClient.insurer(uzovi), "POST", Component.SETTLEMENT,
                "/api/v1/payment-runs", "application/json", "application/json", key, body);
        expect(answer, 201, "payment run " + key);
        return client.json().readTree(answer.body());
    }

    private String bankFile(String uzovi, String runId) {
        HttpResponse<String> file = client.send(StackClient.insurer(uzovi), "GET", Component.SETTLEMENT,
                "/api/v1/payment-runs/" + runId + "/pain001", null, "application/xml", null, null);
        expect(file, 200, "pain.001 of run " + runId);
        return file.body();
    }

    private List<String> entriesOf(String endToEndId) {
        return databases.query("settlement",
                "select entry_id::text from payment_run_item where end_to_end_id = ? order by 1", row -> row.getString(1),
                endToEndId);
    }

    private void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
    }

    /** The bank's pain.002.001.10 on the file: every transfer settled, except {@code rejected} (may be null). */
    private static String statusReport(String file, List<String> endToEndIds, String rejected) {
        String messageId = all(MESSAGE_ID, file).get(0);
        StringBuilder transactions = new StringBuilder();
        for (String endToEnd : endToEndIds) {
            transactions.append("<TxInfAndSts><OrgnlEndToEndId>").append(endToEnd).append("</OrgnlEndToEndId>");
            if (endToEnd.equals(rejected)) {
                transactions.append("<TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn>"
                        + "<AddtlInf>Rekening opgeheven</AddtlInf></StsRsnInf>");
            } else {
                transactions.append("<TxSts>ACSC</TxSts><AcctSvcrRef>BANK-").append(endToEnd).append("</AcctSvcrRef>");
            }
            transactions.append("</TxInfAndSts>");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>BANK-%s</MsgId><CreDtTm>2026-01-07T10:00:00+01:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>%s</OrgnlPmtInfId>%s</OrgnlPmtInfAndSts>
                </CstmrPmtStsRpt></Document>
                """.formatted(messageId, messageId, all(PAYMENT_INFORMATION, file).get(0), transactions);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** A Dutch IBAN of bank INGB with account {@code number}, its check digits by ISO 13616 (mod 97). */
    static String dutchIban(int number) {
        String bban = "INGB" + String.format("%010d", number);
        StringBuilder digits = new StringBuilder();
        for (char c : (bban + "NL00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return "NL" + String.format("%02d", check) + bban;
    }
}
