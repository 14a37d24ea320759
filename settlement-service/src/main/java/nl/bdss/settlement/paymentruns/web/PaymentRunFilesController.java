package nl.bdss.settlement.paymentruns.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.paymentruns.application.PaymentRun;
import nl.bdss.settlement.paymentruns.application.PaymentRunStore.TransferStatus;
import nl.bdss.settlement.paymentruns.application.RunFiles;
import nl.bdss.settlement.sepa.domain.PaymentStatusReport;
import nl.bdss.settlement.sepa.web.Pain001;
import nl.bdss.settlement.sepa.web.Pain002;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A payment run's files with the bank: the ISO 20022 credit transfer initiation it sends (pain.001.001.09) and the
 * bank's status report it receives (pain.002.001.10). The insurer of the run and operators; another insurer's run
 * answers 404 as an unknown one.
 */
@RestController
@RequestMapping("/api/v1/payment-runs")
@Tag(name = "Payment runs", description = "SEPA credit transfers of an insurer's open payment instructions")
class PaymentRunFilesController {

    private final RunFiles files;

    PaymentRunFilesController(RunFiles files) {
        this.files = files;
    }

    @GetMapping(path = "/{id}/pain001", produces = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "The run's ISO 20022 pain.001.001.09 credit transfer initiation, for the insurer's bank",
            description = "One PmtInf for the debtor account and execution date, one transaction per transfer,"
                    + " NbOfTxs and CtrlSum, EUR amounts exactly the cents, end-to-end ids a status report is matched"
                    + " by, structured remittance naming each contract and period. The same file at every download;"
                    + " the first marks the run SENT, after which it can no longer be cancelled.")
    @ApiResponse(responseCode = "200", description = "The pain.001 document")
    @ApiResponse(responseCode = "404", description = "payment-run-not-found: unknown, or another insurer's")
    @ApiResponse(responseCode = "409", description = "payment-run-cancelled, or payment-run-empty (no transfer)")
    ResponseEntity<String> pain001(@PathVariable UUID id) {
        AuditObject.describe("payment-run", id.toString());
        String xml = Pain001.write(files.creditTransfers(id, CurrentClient.insurerRestriction(), by()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payment-run-" + id + "-pain.001.xml\"")
                .body(xml);
    }

    /** What a status report did: the transfers it settled now, every transfer's status, and the run after it. */
    record StatusReportView(PaymentRun run, List<TransferStatus> recorded, Map<String, TransferStatus> statuses) {
    }

    @PostMapping(path = "/{id}/status-report", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import the bank's ISO 20022 pain.002.001.10 status report on the run",
            description = "An accepted transfer marks its instructions paid with the bank's reference (payables PAID,"
                    + " netted credits OFFSET, on the execution date); a rejected one gives them back, open for a next"
                    + " run, with the reason. The same report again changes nothing. A report on another message,"
                    + " naming a transaction the run does not have, or contradicting a recorded status is refused"
                    + " (422) and changes nothing. When every transfer has its status the run is COMPLETED.")
    @ApiResponse(responseCode = "200", description = "What the report changed and every transfer's status")
    @ApiResponse(responseCode = "400", description = "invalid-request: the body is no pain.002.001.10 status report")
    @ApiResponse(responseCode = "404", description = "payment-run-not-found: unknown, or another insurer's")
    @ApiResponse(responseCode = "409", description = "payment-run-not-sent: the run's file was never downloaded")
    @ApiResponse(responseCode = "422", description = "rules-violated: another message, unknown end-to-end ids, or a"
            + " status contradicting one recorded")
    StatusReportView statusReport(@PathVariable UUID id, @RequestBody String xml) {
        AuditObject.describe("payment-run", id.toString());
        PaymentStatusReport report;
        try {
            report = Pain002.read(xml);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidRequest("body", "a pain.002.001.10 status report: "
                    + e.getMessage()));
        }
        RunFiles.Applied applied = files.statusReport(id, CurrentClient.insurerRestriction(), report, by());
        return new StatusReportView(applied.run(), applied.recorded(), applied.statuses());
    }

    private static String by() {
        return CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
    }
}
