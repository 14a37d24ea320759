package nl.bdss.settlement.payments.web;

import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.problem.FieldError;
import nl.bdss.security.CurrentClient;
import nl.bdss.settlement.payments.application.Acknowledging;
import nl.bdss.settlement.payments.application.PayeeStatement;
import nl.bdss.settlement.payments.application.PayeeStatements;
import nl.bdss.settlement.payments.application.PaymentInstruction;
import nl.bdss.settlement.payments.application.PaymentInstructions;
import nl.bdss.settlement.payments.domain.PaymentStatus;
import nl.bdss.settlement.web.FieldChecks;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The insurers' back office and the providers' view of their money: payment instructions, their acknowledgement, a
 * period's CSV and payee statements. An insurer (token with a UZOVI) sees and acknowledges its own entries only;
 * a provider (token with an AGB) sees the entries paid to it (what each insurer will pay it, and their status) and
 * its own payee statement, and acknowledges nothing (the insurer pays). Another's entries answer 404 and are left
 * out of pages, CSV and statements; another payee's statement answers 404 to a provider; the {@code insurer} and
 * {@code payee} search parameters only narrow further. Operators see all.
 */
@RestController
@RequestMapping("/api/v1")
class PaymentInstructionsController {

    private static final int MAX_PAGE_SIZE = 1000;
    private static final int MAX_REFERENCE_LENGTH = 100;

    private final PaymentInstructions instructions;
    private final Acknowledging acknowledging;
    private final PayeeStatements statements;

    PaymentInstructionsController(PaymentInstructions instructions, Acknowledging acknowledging,
            PayeeStatements statements) {
        this.instructions = instructions;
        this.acknowledging = acknowledging;
        this.statements = statements;
    }

    @GetMapping("/payment-instructions")
    PaymentInstructions.Page list(@RequestParam(required = false) String insurer,
            @RequestParam(required = false) String payee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period,
            @RequestParam(required = false) PaymentStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        new FieldChecks()
                .check(insurer == null || Uzovi.isValid(insurer), "insurer", FieldError.REQUEST,
                        "insurer must be a 4-digit UZOVI code, was " + insurer)
                .check(payee == null || AgbCode.isValid(payee), "payee", FieldError.REQUEST,
                        "payee must be an 8-digit AGB code, was " + payee)
                .check(page >= 0, "page", FieldError.REQUEST, "page must be 0 or more, was " + page)
                .check(size >= 1 && size <= MAX_PAGE_SIZE, "size", FieldError.REQUEST,
                        "size must be 1 to " + MAX_PAGE_SIZE + ", was " + size)
                .refuseIfAny();
        return instructions.find(new PaymentInstructions.Filter(insurer, payee, period, status, Viewers.current()),
                page, size);
    }

    @GetMapping("/payment-instructions/{id}")
    PaymentInstruction one(@PathVariable UUID id) {
        return instructions.byId(id, Viewers.current()).orElseThrow(() -> PaymentInstruction.notFound(id));
    }

    /**
     * @param status PAID for a payable entry (the default); OFFSET or REFUNDED for a credit (negative correction)
     * @param paidOn the day the payment was made, the credit refunded, or the payment it was offset against made
     */
    record Acknowledgement(PaymentStatus status, String paymentReference, LocalDate paidOn) {
    }

    @PostMapping("/payment-instructions/{id}/acknowledgement")
    PaymentInstruction acknowledge(@PathVariable UUID id, @RequestBody Acknowledgement acknowledgement) {
        String reference = acknowledgement.paymentReference();
        new FieldChecks()
                .check(acknowledgement.status() != PaymentStatus.OPEN, "status", FieldError.REQUEST,
                        "status: an acknowledgement records PAID, OFFSET or REFUNDED, not OPEN")
                .check(reference != null && !reference.isBlank() && reference.length() <= MAX_REFERENCE_LENGTH,
                        "paymentReference", FieldError.REQUEST,
                        "paymentReference is required (1 to " + MAX_REFERENCE_LENGTH + " characters)")
                .check(acknowledgement.paidOn() != null, "paidOn", FieldError.REQUEST, "paidOn is required")
                .refuseIfAny();
        return acknowledging.acknowledge(id, CurrentClient.insurerRestriction(), acknowledgement.status(), reference,
                acknowledgement.paidOn());
    }

    @GetMapping(value = "/payment-instructions/export", produces = "text/csv")
    ResponseEntity<String> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart) {
        StringBuilder csv = new StringBuilder("id,entryId,kind,correctsEntryId,contractId,periodStart,periodEnd,insurer,"
                + "payeeAgb,payeePartyKey,sector,amountCents,allocationVersion,status,paymentReference,paidOn,direction,"
                + "serviceYear,bookingYear\n");
        for (PaymentInstruction i : instructions.forPeriod(periodStart, Viewers.current())) {
            csv.append(String.join(",", i.id().toString(), i.entryId(), i.kind(), cell(i.correctsEntryId()),
                    cell(i.contractId()), i.periodStart().toString(), i.periodEnd().toString(), i.insurer(),
                    i.payeeAgb(), cell(i.payeePartyKey()), cell(i.sector()), Long.toString(i.amountCents()),
                    Integer.toString(i.allocationVersion()), i.status(), cell(i.paymentReference()),
                    i.paidOn() == null ? "" : i.paidOn().toString(), i.direction(), Integer.toString(i.serviceYear()),
                    Integer.toString(i.bookingYear()))).append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"payment-instructions-" + periodStart + ".csv\"")
                .body(csv.toString());
    }

    @GetMapping("/payees/{agb}/statement")
    PayeeStatement statement(@PathVariable String agb) {
        new FieldChecks()
                .check(AgbCode.isValid(agb), "agb", FieldError.REQUEST, "agb must be an 8-digit AGB code, was " + agb)
                .refuseIfAny();
        // An insurer's statement holds only its own lines for this payee (and their totals); a provider reads its own.
        return statements.of(agb, Viewers.current());
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
