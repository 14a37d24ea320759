package nl.bdss.allocation.split.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.application.Allocations;
import nl.bdss.allocation.split.application.ReopenProblem;
import nl.bdss.allocation.split.domain.Correction;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator reopens settled periods of a contract (settled stays settled otherwise): the named contract years'
 * settled periods are allocated again with the current counts. A dry run (the default, like settlement's period
 * close) answers the corrections it would cause and stores nothing; the real one stores and publishes the new
 * allocation with the cause {@code REOPENED: <reason>} (settlement books the corrections from it as from any
 * allocation change) and writes the audit entry (operator client, reason, years, contract). Nothing to change:
 * nothing is published, and the answer says so.
 */
@RestController
@Tag(name = "Allocations", description = "Market shares and the split of contract budgets (R7, R10, R11, R15)")
class AllocationReopenController {

    static final int MAX_REASON = 500;

    private final Allocations allocations;

    AllocationReopenController(Allocations allocations) {
        this.allocations = allocations;
    }

    /** {@code reason} required (at most 500 characters); {@code years} optional: every year with settled periods. */
    record ReopenRequest(String reason, List<Integer> years) {
    }

    /**
     * {@code changed}: whether the reopen changes (dry run: would change) a line; {@code corrections} proposed minus
     * current per payable Zvw line, as the preview's; {@code allocationVersion} the published allocation (real run).
     */
    record ReopenView(String contractId, boolean dryRun, List<Integer> years, boolean changed, String message,
            List<Correction> corrections, Integer allocationVersion) {
    }

    @PostMapping(path = "/api/v1/allocations/{contractId}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reopen settled periods (operator)",
            description = "Allocates the settled periods of the named contract years (all years with settled periods when"
                    + " years is left out) again with the current insured counts. dryRun=true (the default) answers the"
                    + " corrections and stores nothing; dryRun=false stores and publishes the allocation with cause"
                    + " 'REOPENED: <reason>' and writes an audit entry. When nothing would change nothing is published.")
    @ApiResponse(responseCode = "200", description = "The corrections (would be) caused",
            content = @Content(schema = @Schema(implementation = ReopenView.class)))
    @ApiResponse(responseCode = "400", description = "No reason, a reason over 500 characters, or a year that is not the"
            + " contract's", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not an operator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such contract", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "allocation-pending: a named year's counts are missing (R11)",
            content = @Content(mediaType = "application/problem+json"))
    ReopenView reopen(@PathVariable String contractId,
            @Parameter(description = "true (default): only show the corrections") @RequestParam(defaultValue = "true")
            boolean dryRun,
            @RequestBody ReopenRequest request) {
        AuditObject.describe("allocation-reopen", contractId);
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(Problem.invalidRequest("reason", "a reopen needs a reason"));
        }
        if (reason.length() > MAX_REASON) {
            throw new ProblemException(Problem.invalidRequest("reason",
                    "the reason has " + reason.length() + " characters, at most " + MAX_REASON));
        }
        String by = CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
        Allocations.Reopened reopened;
        try {
            reopened = allocations.reopen(contractId, request.years(), reason.strip(), dryRun, by);
        } catch (ReopenProblem problem) {
            throw new ProblemException(switch (problem.kind()) {
                case UNKNOWN_CONTRACT -> AllocationController.notFound(contractId).problem();
                case NOT_A_CONTRACT_YEAR -> Problem.invalidRequest("years", problem.getMessage());
                case YEAR_PENDING -> Problem.conflict("allocation-pending", "Allocation pending", problem.getMessage())
                        .withErrors(List.of(new FieldError("years", "R11", problem.getMessage())));
            });
        }
        String message = reopened.changed()
                ? (dryRun ? "would publish " : "published ") + reopened.corrections().size() + " corrections"
                : "nothing would change: the settled periods of these years come out as allocated; nothing published";
        return new ReopenView(contractId, dryRun, reopened.years(), reopened.changed(), message, reopened.corrections(),
                reopened.allocationVersion());
    }

    /**
     * {@code reason} and {@code years} required; {@code source} and {@code referenceDate} the corrected delivery: every
     * contract that splits a contract year by those counts.
     */
    record ReopenAllRequest(String reason, List<Integer> years, String source, LocalDate referenceDate) {
    }

    /** One contract of a reopen of all: its corrections' count and net, or why it was left as it is. */
    record ContractReopen(String contractId, List<Integer> years, boolean changed, int correctionCount,
            long netDeltaCents, Integer allocationVersion, String leftAsItIs) {
    }

    /** {@code changedCount}: the contracts that (would) get a new allocation; {@code correctionCount} over all. */
    record ReopenAllView(boolean dryRun, String source, LocalDate referenceDate, List<Integer> years, int contractCount,
            int changedCount, int correctionCount, List<ContractReopen> contracts) {
    }

    @PostMapping(path = "/api/v1/allocations/reopen", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reopen the settled periods of every contract on a corrected delivery (operator)",
            description = "After a corrected insured-count delivery (source and reference date), reopens the named"
                    + " contract years of every contract that splits them by those counts, one contract at a time,"
                    + " each exactly as POST /api/v1/allocations/{contractId}/reopen. dryRun=true (the default)"
                    + " answers what each would book and stores nothing. A contract whose year is not one of its own"
                    + " or still pending is left as it is and named. Repeating a real reopen changes nothing more.")
    @ApiResponse(responseCode = "200", description = "Per contract what it (would) book",
            content = @Content(schema = @Schema(implementation = ReopenAllView.class)))
    @ApiResponse(responseCode = "400", description = "No reason, no years, an unknown source or no reference date",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not an operator", content = @Content(mediaType = "application/problem+json"))
    ReopenAllView reopenAll(
            @Parameter(description = "true (default): only show the corrections") @RequestParam(defaultValue = "true")
            boolean dryRun,
            @RequestBody ReopenAllRequest request) {
        String reason = request == null ? null : request.reason();
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "REQUEST", "a reopen needs a reason"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "REQUEST",
                    "the reason has " + reason.length() + " characters, at most " + MAX_REASON));
        }
        if (request == null || request.years() == null || request.years().isEmpty() || request.years().contains(null)) {
            errors.add(new FieldError("years", "REQUEST", "name the contract years to reopen"));
        }
        CountSource source = null;
        try {
            source = request == null || request.source() == null ? null : CountSource.valueOf(request.source());
        } catch (IllegalArgumentException e) {
            source = null;
        }
        if (source == null) {
            errors.add(new FieldError("source", "R11", "the corrected delivery's source: INSURERS or TRUSTED_THIRD_PARTY"));
        }
        if (request == null || request.referenceDate() == null) {
            errors.add(new FieldError("referenceDate", "R11", "the corrected delivery's reference date"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidRequest(errors.get(0).field(), errors.get(0).message())
                    .withErrors(errors));
        }
        String by = CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
        List<ContractReopen> contracts = new ArrayList<>();
        for (String contractId : allocations.contractsUsing(source, request.referenceDate())) {
            try {
                Allocations.Reopened reopened = allocations.reopen(contractId, request.years(), reason.strip(), dryRun, by);
                contracts.add(new ContractReopen(contractId, reopened.years(), reopened.changed(),
                        reopened.corrections().size(), reopened.corrections().stream().mapToLong(Correction::deltaCents).sum(),
                        reopened.allocationVersion(), null));
            } catch (ReopenProblem problem) {
                contracts.add(new ContractReopen(contractId, request.years(), false, 0, 0, null, problem.getMessage()));
            }
        }
        return new ReopenAllView(dryRun, source.name(), request.referenceDate(), List.copyOf(request.years()),
                contracts.size(), (int) contracts.stream().filter(ContractReopen::changed).count(),
                contracts.stream().mapToInt(ContractReopen::correctionCount).sum(), contracts);
    }
}
