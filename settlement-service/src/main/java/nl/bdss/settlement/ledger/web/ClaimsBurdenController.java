package nl.bdss.settlement.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.ledger.application.ClaimsBurdens;
import nl.bdss.settlement.ledger.domain.ClaimsBurden;
import nl.bdss.settlement.web.FieldChecks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An insurer's claims burden for the lump sums (schadelast, R17), read from the ledger's cost accounts: per Zvw
 * sector, service year and booking year and contract, payable and credited, to the cent, with the totals per sector
 * by service year and by booking year. JSON, or CSV (the rows) with {@code format=csv} or {@code Accept: text/csv}.
 *
 * <p>An insurer reads its own: {@code insurer} is taken from its token when left out and refused (403) when it names
 * another insurer, like the risk-equalisation attribution. An operator names the insurer (400 without). Providers and
 * the trusted third party have no business here (403, by the security rules).
 */
@RestController
@Tag(name = "Claims burden", description = "An insurer's lump-sum costs per sector, service year and booking year (R17)")
class ClaimsBurdenController {

    private static final String PATH = "/api/v1/claims-burden";
    private static final String CSV_HEADER = "serviceYear,bookingYear,sector,contractId,payableCents,creditedCents,netCents\n";

    private final ClaimsBurdens claimsBurdens;

    ClaimsBurdenController(ClaimsBurdens claimsBurdens) {
        this.claimsBurdens = claimsBurdens;
    }

    record RowView(int serviceYear, int bookingYear, String sector, String contractId, long payableCents,
            long creditedCents, long netCents) {

        static RowView of(ClaimsBurden.Row row) {
            return new RowView(row.serviceYear(), row.bookingYear(), row.sector(), row.contractId(), row.payableCents(),
                    row.creditedCents(), row.netCents());
        }
    }

    record TotalView(String sector, long payableCents, long creditedCents, long netCents) {

        static List<TotalView> of(List<ClaimsBurden.SectorTotal> totals) {
            return totals.stream().map(t -> new TotalView(t.sector(), t.payableCents(), t.creditedCents(),
                    t.netCents())).toList();
        }
    }

    /**
     * @param byServiceYear per sector, the rows of service year {@code year} (whatever year they were booked in)
     * @param byBookingYear per sector, the rows booked in {@code year} (whatever service year they belong to)
     */
    record ClaimsBurdenView(String insurer, int year, List<RowView> rows, List<TotalView> byServiceYear,
            List<TotalView> byBookingYear) {
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An insurer's claims burden of a year: lump-sum costs per sector, service and booking year",
            description = "Rows for every (serviceYear, bookingYear, sector, contract) whose service year or booking"
                    + " year is the year, read from the ledger's cost accounts; totals per sector by service year and"
                    + " by booking year. An insurer reads its own (another insurer: 403); an operator names the"
                    + " insurer. CSV with format=csv or Accept: text/csv.")
    @ApiResponse(responseCode = "200", description = "The claims burden (empty rows when nothing is booked)")
    @ApiResponse(responseCode = "400", description = "invalid-request: year missing, insurer missing (operator) or not"
            + " a UZOVI code, unknown format")
    @ApiResponse(responseCode = "403", description = "An insurer naming another insurer; a provider or the TTP")
    ClaimsBurdenView claimsBurden(@Parameter(description = "The year, e.g. 2026") @RequestParam(required = false) Integer year,
            @Parameter(description = "UZOVI code; an insurer's own by default, required for an operator")
            @RequestParam(required = false) String insurer,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
        ClaimsBurden burden = read(year, insurer, format);
        return new ClaimsBurdenView(burden.insurer(), burden.year(), burden.rows().stream().map(RowView::of).toList(),
                TotalView.of(burden.byServiceYear()), TotalView.of(burden.byBookingYear()));
    }

    @GetMapping(value = PATH, produces = "text/csv")
    ResponseEntity<String> claimsBurdenAsCsv(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String insurer) {
        return csv(read(year, insurer, "csv"));
    }

    @GetMapping(value = PATH, params = "format=csv")
    ResponseEntity<String> claimsBurdenAsCsvByFormat(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String insurer) {
        return csv(read(year, insurer, "csv"));
    }

    private ClaimsBurden read(Integer year, String insurer, String format) {
        Optional<String> onlyUzovi = CurrentClient.insurerRestriction();
        String uzovi = insurer == null ? onlyUzovi.orElse(null) : insurer;
        new FieldChecks()
                .check(year != null, "year", FieldError.REQUEST, "year is required, e.g. year=2026")
                .check(uzovi != null, "insurer", FieldError.REQUEST,
                        "insurer is required: the UZOVI code of the insurer whose claims burden is asked")
                .check(uzovi == null || Uzovi.isValid(uzovi), "insurer", FieldError.REQUEST,
                        "insurer must be a 4-digit UZOVI code, was " + uzovi)
                .check(format == null || format.equals("json") || format.equals("csv"), "format", FieldError.REQUEST,
                        "format must be json or csv, was " + format)
                .refuseIfAny();
        if (onlyUzovi.isPresent() && !onlyUzovi.get().equals(uzovi)) {
            throw new ProblemException(Problem.forbidden("insurer: an insurer reads only its own claims burden; "
                    + uzovi + " is not the UZOVI of the calling client"));
        }
        AuditObject.describe("claims-burden", uzovi + "/" + year);
        return claimsBurdens.of(uzovi, year);
    }

    private static ResponseEntity<String> csv(ClaimsBurden burden) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (ClaimsBurden.Row row : burden.rows()) {
            csv.append(row.serviceYear()).append(',').append(row.bookingYear()).append(',').append(cell(row.sector()))
                    .append(',').append(cell(row.contractId())).append(',').append(row.payableCents()).append(',')
                    .append(row.creditedCents()).append(',').append(row.netCents()).append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"claims-burden-" + burden.insurer() + "-"
                        + burden.year() + ".csv\"")
                .body(csv.toString());
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
