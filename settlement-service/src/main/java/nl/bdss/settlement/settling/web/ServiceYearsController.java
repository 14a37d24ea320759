package nl.bdss.settlement.settling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import nl.bdss.problem.FieldError;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.settling.application.ServiceYearClosing;
import nl.bdss.settlement.settling.domain.ClosedServiceYear;
import nl.bdss.settlement.settling.domain.YearClose;
import nl.bdss.settlement.settling.domain.YearTotal;
import nl.bdss.settlement.web.FieldChecks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator year close (R17): close a service year, or (dry run, the default like a period close) show its figures
 * per insurer and sector and what blocks the close, storing nothing. After a close every entry for a period of the
 * year is booked in the first open year after it and names the year as its service year.
 */
@RestController
@Tag(name = "Service years", description = "Close a service year; entries for it are then booked in an open year (R17)")
class ServiceYearsController {

    private static final int MAX_REASON_LENGTH = 500;

    private final ServiceYearClosing closing;

    ServiceYearsController(ServiceYearClosing closing) {
        this.closing = closing;
    }

    /** @param reason why the year is closed (optional, kept with the close) */
    record CloseRequest(String reason) {
    }

    record Total(String insurer, String sector, long payableCents, long creditedCents, long netCents, int entryCount) {

        static Total of(YearTotal t) {
            return new Total(t.uzovi(), t.sector(), t.payableCents(), t.creditedCents(), t.netCents(), t.entryCount());
        }
    }

    record Blocker(String field, String rule, String message) {

        static Blocker of(YearClose.Blocker b) {
            return new Blocker(b.field(), b.rule(), b.message());
        }
    }

    /**
     * @param closable whether a real close would succeed now (a dry run); true after a real close
     * @param blockers what keeps the year from being closed (a real close refuses them as 422)
     */
    record Result(int year, boolean dryRun, boolean closed, boolean closable, List<Total> totals,
            List<Blocker> blockers, String closedBy, Instant closedAt, String reason) {
    }

    record ClosedYear(int year, String closedBy, Instant closedAt, String reason, List<Total> totals) {

        static ClosedYear of(ClosedServiceYear y) {
            return new ClosedYear(y.year(), y.closedBy(), y.closedAt(), y.reason(),
                    y.totals().stream().map(Total::of).toList());
        }
    }

    @PostMapping("/api/v1/service-years/{year}/close")
    @Operation(summary = "Close a service year, or show what closing it would hold (dry run, the default)",
            description = "Refused (422 rules-violated, R17, field year) for a year that has not ended by today and"
                    + " for a year with entries due by today not booked yet (run a period close first); 409"
                    + " service-year-closed when the year is already closed. The dry run answers the year's figures"
                    + " per insurer and sector and what blocks the close, and stores nothing. A real close stores the"
                    + " year with its totals and publishes ServiceYearClosed on bdss.settlement.service-years.")
    @ApiResponse(responseCode = "200", description = "The year's figures and blockers (dry run), or the closed year")
    @ApiResponse(responseCode = "400", description = "invalid-request: the reason is too long")
    @ApiResponse(responseCode = "409", description = "service-year-closed: the year is already closed")
    @ApiResponse(responseCode = "422", description = "rules-violated (R17): the year has not ended, or entries due by"
            + " today are not booked yet")
    Result close(@PathVariable int year,
            @Parameter(description = "true (default): show what the close would hold, store nothing")
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestBody(required = false) CloseRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? null : request.reason().strip();
        new FieldChecks()
                .check(reason == null || reason.length() <= MAX_REASON_LENGTH, "reason", FieldError.REQUEST,
                        "reason must be at most " + MAX_REASON_LENGTH + " characters")
                .refuseIfAny();
        AuditObject.describe("service-year", Integer.toString(year));
        // closedBy names the operator client ("operator" when security is off, in tests), like a period close
        String by = CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
        ServiceYearClosing.Outcome outcome = closing.close(year, dryRun, by, reason);
        return new Result(outcome.year(), outcome.dryRun(), outcome.closed(),
                outcome.closed() || outcome.blockers().isEmpty(), outcome.totals().stream().map(Total::of).toList(),
                outcome.blockers().stream().map(Blocker::of).toList(), outcome.closedBy(), outcome.closedAt(),
                outcome.reason());
    }

    @GetMapping("/api/v1/service-years")
    @Operation(summary = "The closed service years, oldest first, each with who closed it, when, why and its totals")
    @ApiResponse(responseCode = "200", description = "The closed years (an empty list when none is closed)")
    List<ClosedYear> closedYears() {
        return closing.closedYears().stream().map(ClosedYear::of).toList();
    }
}
