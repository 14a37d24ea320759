package nl.bdss.contract.register.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.bdss.contract.register.application.ZvwSectorAdministration;
import nl.bdss.contract.register.application.ZvwSectors.StoredZvwSector;
import nl.bdss.contract.register.domain.RegisteredZvwSector;
import nl.bdss.contract.register.domain.ZvwSector;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Zvw sector register (R7): the sectors a contract's Zvw providers and sector shares may name, as dated reference
 * data. Every caller of the register reads it (back offices need the list to write a contract); operators maintain
 * it, one sector at a time, each change in the audit trail. Who may call what: {@link ContractSecurityRules}.
 */
@RestController
@RequestMapping(path = "/api/v1/zvw-sectors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Zvw sectors", description = "The Zvw sectors (macro-budget sectors) contracts may name, R7")
class ZvwSectorController {

    static final String INVALID = "invalid-zvw-sector";
    private static final int MAX_NAME_LENGTH = 200;

    /** The body of a PUT: the sector's entry, its code is the path's. */
    record ZvwSectorRequest(String name, Boolean macroBudgetSector, LocalDate validFrom, LocalDate validUntil) {
    }

    /** A sector as the register holds it. */
    record ZvwSectorResponse(String code, String name, boolean macroBudgetSector, LocalDate validFrom,
            LocalDate validUntil, Instant updatedAt, String updatedBy) {

        static ZvwSectorResponse of(StoredZvwSector stored) {
            RegisteredZvwSector sector = stored.sector();
            return new ZvwSectorResponse(sector.sector().code(), sector.name(), sector.macroBudgetSector(),
                    sector.validFrom(), sector.validUntil(), stored.updatedAt(), stored.updatedBy());
        }
    }

    private final ZvwSectorAdministration sectors;

    ZvwSectorController(ZvwSectorAdministration sectors) {
        this.sectors = sectors;
    }

    @GetMapping
    @Operation(summary = "The Zvw sectors of the register",
            description = "Every entry by code, or only those valid on the day `on`. A contract's party sector and"
                    + " sector shares name a sector whose macroBudgetSector is true and that is valid on the day the"
                    + " version takes effect (R7); a catch-all (macroBudgetSector false, e.g. OVERIGE_ZVW) is listed"
                    + " because older contracts name it, but new contracts cannot.")
    @ApiResponse(responseCode = "200", description = "The entries, by code",
            content = @Content(schema = @Schema(implementation = ZvwSectorResponse.class)))
    @ApiResponse(responseCode = "400", description = "`on` is not an ISO date",
            content = @Content(mediaType = "application/problem+json"))
    List<ZvwSectorResponse> list(
            @Parameter(description = "ISO date: only the sectors valid on that day; all without it")
            @RequestParam(name = "on", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return sectors.list(on).stream().map(ZvwSectorResponse::of).toList();
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add or change a Zvw sector (operators)",
            description = "Enters the sector under its code (capitals, digits and underscores, e.g."
                    + " GERIATRISCHE_REVALIDATIEZORG) or replaces its entry. It counts for the next contract document"
                    + " checked, without a restart. Contracts that already name a sector keep it whatever its entry"
                    + " says later. Recorded in the audit trail with the operator's client id.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ZvwSectorRequest.class),
                    examples = @ExampleObject(name = "a macro-budget sector", value = """
                            {"name": "Geriatrische revalidatiezorg", "macroBudgetSector": true,
                             "validFrom": "2024-05-01", "validUntil": null}"""))))
    @ApiResponse(responseCode = "201", description = "A new sector entered",
            content = @Content(schema = @Schema(implementation = ZvwSectorResponse.class)))
    @ApiResponse(responseCode = "200", description = "The sector's entry replaced",
            content = @Content(schema = @Schema(implementation = ZvwSectorResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid-zvw-sector: every wrong field named (nothing stored)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not an operator", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ZvwSectorResponse> put(@PathVariable String code, @RequestBody ZvwSectorRequest request) {
        AuditObject.describe("zvw-sector", code);
        RegisteredZvwSector sector = checked(code, request);
        String operator = CurrentClient.get().map(CurrentClient::clientId).orElse("unknown");
        boolean created = sectors.save(sector, operator);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ZvwSectorResponse.of(sectors.get(sector.sector())));
    }

    /** Every wrong field at once (400 {@code invalid-zvw-sector}); the entry when none is. */
    private static RegisteredZvwSector checked(String code, ZvwSectorRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!ZvwSector.isValidCode(code)) {
            errors.add(new FieldError("code", "R7", "R7: a Zvw sector code is 2-64 capitals, digits or underscores,"
                    + " starting with a capital (e.g. GERIATRISCHE_REVALIDATIEZORG), was '" + code + "'"));
        }
        if (request == null) {
            errors.add(FieldError.request("body", "the sector's entry is required: name, macroBudgetSector, validFrom"));
            throw refused(errors);
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add(FieldError.request("name", "the sector's name is required"));
        } else if (request.name().length() > MAX_NAME_LENGTH) {
            errors.add(FieldError.request("name", "the name has at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (request.macroBudgetSector() == null) {
            errors.add(new FieldError("macroBudgetSector", "R7", "R7: say whether the sector is a macro-budget sector"
                    + " (true) or a catch-all that contracts may not name (false)"));
        }
        if (request.validFrom() == null) {
            errors.add(FieldError.request("validFrom", "the first day the sector exists is required (ISO date)"));
        } else if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            errors.add(FieldError.request("validUntil", "the last day (" + request.validUntil()
                    + ") lies before the first (" + request.validFrom() + ")"));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return new RegisteredZvwSector(new ZvwSector(code), request.name().strip(), request.macroBudgetSector(),
                request.validFrom(), request.validUntil());
    }

    private static ProblemException refused(List<FieldError> errors) {
        return new ProblemException(new Problem(400, INVALID, "The Zvw sector's entry is not valid",
                errors.size() + " field(s) wrong, nothing was stored: " + errors.get(0).field() + ": "
                        + errors.get(0).message(), errors));
    }
}
