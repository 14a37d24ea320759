package nl.bdss.settlement.payments.web;

import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.settlement.payments.application.Acknowledging;
import nl.bdss.settlement.payments.application.PayeeStatement;
import nl.bdss.settlement.payments.application.PaymentInstruction;
import nl.bdss.settlement.payments.application.PaymentInstructions;
import nl.bdss.settlement.payments.domain.PaymentStatus;
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
 * The insurers' back office: payment instructions, their acknowledgement, a period's CSV and payee statements. An
 * insurer (token with a UZOVI) sees and acknowledges its own entries only: others' answer 404 and are left out of
 * pages, CSV and statements; the {@code insurer} search parameter only narrows further. Operators see all.
 */
@RestController
@RequestMapping("/api/v1")
class PaymentInstructionsController {

    private final PaymentInstructions queries;
    private final Acknowledging acknowledging;

    PaymentInstructionsController(PaymentInstructions queries, Acknowledging acknowledging) {
        this.queries = queries;
        this.acknowledging = acknowledging;
    }

    @GetMapping("/payment-instructions")
    PaymentInstructions.Page list(@RequestParam(required = false) String insurer,
            @RequestParam(required = false) String payee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and 1000");
        }
        return queries.find(new PaymentInstructions.Filter(insurer, payee, period, PaymentStatus.parse(status),
                CurrentClient.insurerRestriction()), page, size);
    }

    @GetMapping("/payment-instructions/{id}")
    PaymentInstruction one(@PathVariable UUID id) {
        return queries.byId(id, CurrentClient.insurerRestriction())
                .orElseThrow(() -> new ProblemException(Problem.notFound("payment-instruction-not-found",
                        "Payment instruction not found", "No payment instruction " + id)));
    }

    /**
     * @param status PAID for a payable entry (the default); OFFSET or REFUNDED for a credit (negative correction)
     * @param paidOn the day the payment was made, the credit refunded, or the payment it was offset against made
     */
    record Acknowledgement(String status, String paymentReference, LocalDate paidOn) {
    }

    @PostMapping("/payment-instructions/{id}/acknowledgement")
    PaymentInstruction acknowledge(@PathVariable UUID id, @RequestBody Acknowledgement acknowledgement) {
        PaymentStatus status = PaymentStatus.parse(acknowledgement.status());
        if (status == PaymentStatus.OPEN) {
            throw new IllegalArgumentException("status: an acknowledgement records PAID, OFFSET or REFUNDED, not OPEN");
        }
        return acknowledging.acknowledge(id, CurrentClient.insurerRestriction(), status,
                acknowledgement.paymentReference(), acknowledgement.paidOn());
    }

    @GetMapping(value = "/payment-instructions/export", produces = "text/csv")
    ResponseEntity<String> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart) {
        StringBuilder csv = new StringBuilder("id,entryId,kind,correctsEntryId,contractId,periodStart,periodEnd,insurer,"
                + "payeeAgb,payeePartyKey,sector,amountCents,allocationVersion,status,paymentReference,paidOn,direction\n");
        for (PaymentInstruction i : queries.forPeriod(periodStart, CurrentClient.insurerRestriction())) {
            csv.append(String.join(",", i.id().toString(), i.entryId(), i.kind(), cell(i.correctsEntryId()),
                    cell(i.contractId()), i.periodStart().toString(), i.periodEnd().toString(), i.insurer(),
                    i.payeeAgb(), cell(i.payeePartyKey()), cell(i.sector()), Long.toString(i.amountCents()),
                    Integer.toString(i.allocationVersion()), i.status(), cell(i.paymentReference()),
                    i.paidOn() == null ? "" : i.paidOn().toString(), i.direction())).append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"payment-instructions-" + periodStart + ".csv\"")
                .body(csv.toString());
    }

    @GetMapping("/payees/{agb}/statement")
    PayeeStatement statement(@PathVariable String agb) {
        if (!AgbCode.isValid(agb)) {
            throw new IllegalArgumentException("agb must be 8 digits, was " + agb);
        }
        // An insurer's statement holds only its own lines for this payee (and their totals).
        return PayeeStatement.of(agb, queries.forPayee(agb, CurrentClient.insurerRestriction()));
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
