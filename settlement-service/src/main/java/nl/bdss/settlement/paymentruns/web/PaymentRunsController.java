package nl.bdss.settlement.paymentruns.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.Money;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.BdssRole;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.paymentruns.application.PaymentRun;
import nl.bdss.settlement.paymentruns.application.PaymentRunStore;
import nl.bdss.settlement.paymentruns.application.PaymentRuns;
import nl.bdss.settlement.paymentruns.domain.OpenInstruction;
import nl.bdss.settlement.paymentruns.domain.RunStatus;
import nl.bdss.settlement.web.FieldChecks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Payment runs: an insurer (or an operator on its behalf) collects its open instructions due up to a day into one
 * credit transfer per payee, credits netted against payables. An insurer creates, cancels and reads its own runs
 * (another's answers 404, like an unknown one; naming another insurer in the body 403); an operator names the insurer
 * and reads all. The remittance advice is the insurer's and the operators', and a provider's for the transfer to its
 * own AGB ({@code payee=<own agb>}, anything else 404). Providers and the trusted third party have no other business
 * here (403, by the security rules).
 *
 * <p>A run is SENT when its pain.001 file is first downloaded (the file step, not yet built); until the bank's status
 * report (a later step) its instructions stay OPEN, held by the run, and a manual acknowledgement of them is refused.
 */
@RestController
@RequestMapping("/api/v1/payment-runs")
@Tag(name = "Payment runs", description = "Netted credit transfers per payee, with remittance advice")
class PaymentRunsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_PAGE_SIZE = 200;
    private static final String CSV_HEADER = "endToEndId,payeeAgb,creditorName,instructionId,contractReference,"
            + "periodStart,periodEnd,sector,kind,amountCents,instalmentStart,instalmentEnd,vatCents\n";

    private final PaymentRuns runs;
    private final Clock clock;

    PaymentRunsController(PaymentRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * @param insurer required for an operator; an insurer's own UZOVI by default
     * @param executionDate the day the bank is to execute the transfers: today or later
     * @param dueUpTo instructions due up to and including this day are collected; not after executionDate
     */
    record NewRun(String insurer, LocalDate executionDate, LocalDate dueUpTo) {
    }

    @PostMapping
    @Operation(summary = "Create a payment run: an insurer's open instructions due up to a day, netted per payee",
            description = "Collects the insurer's OPEN instructions (payables and credits) due up to dueUpTo and in no"
                    + " other active run, nets them per payee and makes one transfer per payee whose net is positive."
                    + " A zero or negative net is listed under receivables, a payee without a bank account under"
                    + " problems; their instructions stay open. Idempotency-Key required: the same key with the same"
                    + " body answers the same run again (201), with another body 422.")
    @ApiResponse(responseCode = "201", description = "The run (also for a repeat of the same key and body)")
    @ApiResponse(responseCode = "400", description = "invalid-request: no or a malformed Idempotency-Key, dates"
            + " missing, executionDate in the past, dueUpTo after executionDate, insurer missing (operator)")
    @ApiResponse(responseCode = "403", description = "An insurer naming another insurer; a provider or the TTP")
    @ApiResponse(responseCode = "422", description = "rules-violated: the insurer has no debtor account (field insurer,"
            + " rule BANK_ACCOUNT), or the Idempotency-Key was used for another request")
    ResponseEntity<PaymentRun> create(
            @Parameter(description = "1 to 200 characters; names one attempt at one run")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody NewRun body) {
        Optional<String> onlyUzovi = CurrentClient.insurerRestriction();
        String uzovi = body.insurer() == null ? onlyUzovi.orElse(null) : body.insurer();
        LocalDate today = LocalDate.now(clock);
        new FieldChecks()
                .check(key != null && !key.isBlank() && key.length() <= MAX_KEY_LENGTH, IDEMPOTENCY_KEY,
                        FieldError.REQUEST, "the Idempotency-Key header is required (1 to " + MAX_KEY_LENGTH
                                + " characters)")
                .check(uzovi != null, "insurer", FieldError.REQUEST,
                        "insurer is required: the UZOVI code of the insurer whose run this is")
                .check(uzovi == null || Uzovi.isValid(uzovi), "insurer", FieldError.REQUEST,
                        "insurer must be a 4-digit UZOVI code, was " + uzovi)
                .check(body.executionDate() != null, "executionDate", FieldError.REQUEST, "executionDate is required")
                .check(body.dueUpTo() != null, "dueUpTo", FieldError.REQUEST, "dueUpTo is required")
                .check(body.executionDate() == null || !body.executionDate().isBefore(today), "executionDate",
                        FieldError.REQUEST, "executionDate " + body.executionDate() + " lies in the past (today is "
                                + today + ")")
                .check(body.executionDate() == null || body.dueUpTo() == null
                                || !body.dueUpTo().isAfter(body.executionDate()), "dueUpTo", FieldError.REQUEST,
                        "dueUpTo " + body.dueUpTo() + " lies after executionDate " + body.executionDate()
                                + ": nothing is paid before it is due (R8)")
                .refuseIfAny();
        if (onlyUzovi.isPresent() && !onlyUzovi.get().equals(uzovi)) {
            throw new ProblemException(Problem.forbidden("insurer: an insurer creates only its own payment runs; "
                    + uzovi + " is not the UZOVI of the calling client"));
        }
        String scopedKey = CurrentClient.get().map(c -> c.clientId() + " " + key).orElse(key);
        PaymentRuns.Created created = runs.create(uzovi, body.executionDate(), body.dueUpTo(), scopedKey, by());
        AuditObject.describe("payment-run", created.run().id().toString());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/payment-runs/" + created.run().id()))
                .body(created.run());
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a payment run before it is sent: its instructions are free for a next run",
            description = "CREATED becomes CANCELLED; a cancelled run is answered as it is; a SENT or COMPLETED run"
                    + " 409 (its file went to the bank).")
    @ApiResponse(responseCode = "200", description = "The cancelled run")
    @ApiResponse(responseCode = "404", description = "payment-run-not-found: unknown, or another insurer's")
    @ApiResponse(responseCode = "409", description = "payment-run-sent: the run was already sent")
    PaymentRun cancel(@PathVariable UUID id) {
        AuditObject.describe("payment-run", id.toString());
        return runs.cancel(id, CurrentClient.insurerRestriction(), by());
    }

    record RunPage(List<PaymentRun> content, int page, int size, long totalElements) {
    }

    @GetMapping
    @Operation(summary = "Payment runs, newest first: an insurer its own, an operator all")
    @ApiResponse(responseCode = "200", description = "A page of runs")
    @ApiResponse(responseCode = "400", description = "invalid-request: page or size out of range")
    RunPage list(@Parameter(description = "CREATED, SENT, CANCELLED or COMPLETED") @RequestParam(required = false)
            RunStatus status, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        new FieldChecks()
                .check(page >= 0, "page", FieldError.REQUEST, "page must be 0 or more, was " + page)
                .check(size >= 1 && size <= MAX_PAGE_SIZE, "size", FieldError.REQUEST,
                        "size must be 1 to " + MAX_PAGE_SIZE + ", was " + size)
                .refuseIfAny();
        PaymentRunStore.Page found = runs.find(CurrentClient.insurerRestriction(), status, page, size);
        return new RunPage(found.content(), found.page(), found.size(), found.totalElements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One payment run with its transfers, receivables and problems")
    @ApiResponse(responseCode = "200", description = "The run")
    @ApiResponse(responseCode = "404", description = "payment-run-not-found: unknown, or another insurer's")
    PaymentRun one(@PathVariable UUID id) {
        return runs.byId(id, CurrentClient.insurerRestriction());
    }

    @GetMapping("/{id}/remittance")
    @Operation(summary = "The remittance advice of a run: one row per instruction (CSV), or a printable page per payee",
            description = "Rows: the transfer's endToEndId, payee, creditor name, instruction, contract reference (the"
                    + " contract id), period, sector, kind, amount in cents, the instalment (empty for a whole period) and"
                    + " the VAT part in cents (R10; empty when the contract states no VAT). CSV by default; HTML with"
                    + " Accept: text/html or format=html. A provider reads only the transfer to its own AGB"
                    + " (payee=<own agb>).")
    @ApiResponse(responseCode = "200", description = "The remittance advice (text/csv or text/html)")
    @ApiResponse(responseCode = "400", description = "invalid-request: payee not an AGB code, unknown format")
    @ApiResponse(responseCode = "404", description = "payment-run-not-found: unknown, another insurer's, or (provider)"
            + " no transfer to its own AGB")
    ResponseEntity<String> remittance(@PathVariable UUID id,
            @Parameter(description = "AGB code: only this payee's transfer (a provider: its own, required)")
            @RequestParam(required = false) String payee,
            @Parameter(description = "csv (default) or html") @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        List<PaymentRunStore.RemittanceRow> rows = rows(id, payee, format);
        boolean html = "html".equals(format)
                || (format == null && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE));
        return html ? html(id, rows) : csv(id, rows);
    }

    private static ResponseEntity<String> csv(UUID id, List<PaymentRunStore.RemittanceRow> rows) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (PaymentRunStore.RemittanceRow row : rows) {
            OpenInstruction i = row.instruction();
            csv.append(String.join(",", row.endToEndId(), row.payeeAgb(), cell(row.creditorName()), i.id().toString(),
                    cell(i.contractReference()), i.periodStart().toString(), i.periodEnd().toString(), cell(i.sector()),
                    i.kind(), Long.toString(i.amountCents()), text(i.instalmentStart()), text(i.instalmentEnd()),
                    text(i.vatCents()))).append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"remittance-" + id + ".csv\"")
                .body(csv.toString());
    }

    private List<PaymentRunStore.RemittanceRow> rows(UUID id, String payee, String format) {
        new FieldChecks()
                .check(payee == null || AgbCode.isValid(payee), "payee", FieldError.REQUEST,
                        "payee must be an 8-digit AGB code, was " + payee)
                .check(format == null || format.equals("csv") || format.equals("html"), "format", FieldError.REQUEST,
                        "format must be csv or html, was " + format)
                .refuseIfAny();
        AuditObject.describe("payment-run-remittance", id + (payee == null ? "" : "/" + payee));
        return runs.remittance(id, CurrentClient.insurerRestriction(), providerRestriction(),
                Optional.ofNullable(payee));
    }

    /** A provider's own AGB; a provider token without a valid one is refused rather than read as unrestricted. */
    private static Optional<String> providerRestriction() {
        boolean provider = CurrentClient.get().map(c -> c.is(BdssRole.PROVIDER)).orElse(false);
        Optional<String> agb = CurrentClient.providerRestriction();
        if (provider && (agb.isEmpty() || !AgbCode.isValid(agb.get()))) {
            throw new ProblemException(Problem.forbidden(
                    "A provider token must carry its eight-digit AGB code in the 'agb' claim"));
        }
        return provider ? agb : Optional.empty();
    }

    private static ResponseEntity<String> html(UUID id, List<PaymentRunStore.RemittanceRow> rows) {
        Map<String, List<PaymentRunStore.RemittanceRow>> perPayee = new TreeMap<>();
        rows.forEach(r -> perPayee.computeIfAbsent(r.payeeAgb(), k -> new ArrayList<>()).add(r));
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<title>Remittance advice " + id + "</title><style>body{font-family:sans-serif}"
                + "section{page-break-after:always}table{border-collapse:collapse}td,th{border:1px solid #999;"
                + "padding:2px 6px;white-space:nowrap}td.amount{text-align:right}</style></head><body>\n");
        for (Map.Entry<String, List<PaymentRunStore.RemittanceRow>> payee : perPayee.entrySet()) {
            PaymentRunStore.RemittanceRow first = payee.getValue().get(0);
            long total = payee.getValue().stream().mapToLong(r -> r.instruction().amountCents()).sum();
            boolean vatStated = payee.getValue().stream().anyMatch(r -> r.instruction().vatCents() != null);
            long vat = payee.getValue().stream().map(r -> r.instruction().vatCents()).filter(Objects::nonNull)
                    .mapToLong(Long::longValue).sum();
            page.append("<section><h1>Remittance advice</h1><p>Payee AGB ").append(esc(payee.getKey())).append(", ")
                    .append(esc(first.creditorName())).append("<br>Transfer ").append(esc(first.endToEndId()))
                    .append(", amount EUR ").append(euros(total))
                    .append(vatStated ? ", of which VAT EUR " + euros(vat) : "").append("</p>\n<table><tr><th>Contract</th>"
                            + "<th>Period</th><th>Instalment</th><th>Sector</th><th>Kind</th><th>Amount (EUR)</th>"
                            + "<th>of which VAT (EUR)</th></tr>\n");
            for (PaymentRunStore.RemittanceRow row : payee.getValue()) {
                OpenInstruction i = row.instruction();
                page.append("<tr><td>").append(esc(i.contractReference())).append("</td><td>").append(i.periodStart())
                        .append(" .. ").append(i.periodEnd()).append("</td><td>")
                        .append(i.instalmentStart() == null ? "whole period" : i.instalmentStart() + " .. " + i.instalmentEnd())
                        .append("</td><td>").append(esc(i.sector()))
                        .append("</td><td>").append(esc(i.kind())).append("</td><td class=\"amount\">")
                        .append(euros(i.amountCents())).append("</td><td class=\"amount\">")
                        .append(i.vatCents() == null ? "not stated" : euros(i.vatCents())).append("</td></tr>\n");
            }
            page.append("</table></section>\n");
        }
        page.append("</body></html>\n");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page.toString());
    }

    private static String euros(long cents) {
        return Money.ofCents(cents).toPlainEuros();
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }

    private static String by() {
        return CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
    }

    /** An optional value's text, empty when absent. */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
