package nl.bdss.contract.register.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bdss.contract.register.application.ContractNotFoundException;
import nl.bdss.contract.register.application.ContractRegister;
import nl.bdss.contract.register.application.ContractView;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.HttpHeaders;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract register's REST API for insurer back offices. Who may call what is declared in
 * {@link ContractSecurityRules}; which contracts a caller sees is decided here with {@link CallerParty}: an insurer
 * only those it is a party to (others answer 404 like an unknown id, and are left out of searches), an operator all.
 */
@RestController
@RequestMapping(path = "/api/v1/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contracts", description = "Register, amend, terminate and find BDSS contracts (rules R1-R14)")
class ContractController {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d+)\"?$");
    private static final int MAX_PAGE_SIZE = 200;
    private static final String IDEMPOTENCY_KEY = "Makes a retry safe: the same key with the same request (path, If-Match,"
            + " body) replays the first outcome, a refusal (404, 409, 412, 422) included; the same key with another"
            + " request gets 422. A concurrent duplicate waits for the first and gets its outcome.";

    private final ContractRegister register;
    private final IdempotentRequests idempotent;
    private final JsonMapper json;

    ContractController(ContractRegister register, IdempotentRequests idempotent, JsonMapper json) {
        this.register = register;
        this.idempotent = idempotent;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a contract",
            description = "Checks every rule (R1-R14) and reports all violations at once (422). On success the contract is"
                    + " stored as version 1 and a ContractVersionPublished (REGISTERED) event is published. Double-funding"
                    + " watch (R4, R22): the response lists the active contracts it overlaps (a Zvw provider in common,"
                    + " overlapping service area and validity); each of them gets a new version (OVERLAP_FLAGGED, same terms,"
                    + " a new ETag) naming this contract, published in the same transaction.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ContractDocumentJson.class),
                    examples = @ExampleObject(name = "manual example", value = ContractExamples.MANUAL_EXAMPLE))))
    @ApiResponse(responseCode = "201", description = "Registered; Location and ETag point at the new contract",
            content = @Content(schema = @Schema(implementation = ContractResponse.class)))
    @ApiResponse(responseCode = "422", description = "Rule violations, or an Idempotency-Key reused with another body",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The caller's UZOVI (from its token) is not among the insurers",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> registerContract(
            @Parameter(description = IDEMPOTENCY_KEY)
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody ContractDocumentJson document) {
        CallerParty.requireParty(document, "insurers");
        ResponseEntity<String> response = reply(idempotent.execute(idempotencyKey, "/api/v1/contracts", null, document, () -> {
            ContractView view = register.register(document);
            return created(view, contractLocation(view));
        }));
        if (response.getHeaders().getLocation() != null) {
            String location = response.getHeaders().getLocation().toString();
            AuditObject.describe("contract", location.substring(location.lastIndexOf('/') + 1));
        }
        return response;
    }

    @PostMapping(path = "/{id}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend a contract",
            description = "Replaces the contract document from effectiveFrom on, as a new version. Requires If-Match with"
                    + " the current ETag (428 without it, 412 when it is not current; the ETag also changes when another"
                    + " contract starts or stops overlapping this one, OVERLAP_FLAGGED), or If-Match: * to amend whatever"
                    + " version is current (RFC 9110). An amendment effective in the past is allowed; one outside the"
                    + " validity, or of a terminated contract, is refused (409). Overlaps gained or lost give the other"
                    + " contracts an OVERLAP_FLAGGED version.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = AmendmentRequest.class),
                    examples = @ExampleObject(name = "higher lump sum from 2026", value = ContractExamples.AMENDMENT))))
    @ApiResponse(responseCode = "201", description = "Amended; Location points at the new version",
            content = @Content(schema = @Schema(implementation = ContractResponse.class)))
    ResponseEntity<String> amend(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = IDEMPOTENCY_KEY)
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody AmendmentRequest amendment) {
        ContractId contractId = contractId(id);
        Integer expectedVersion = requiredVersion(ifMatch);
        if (amendment.contract() == null) {
            throw new ProblemException(Problem.invalidRequest("contract", "the amendment needs the complete new contract document"));
        }
        CallerParty.requireParty(amendment.contract(), "contract.insurers");
        return newVersion(idempotencyKey, "/api/v1/contracts/" + contractId + "/amendments", ifMatch, amendment,
                () -> register.amend(contractId, CallerParty.restriction(), expectedVersion, amendment.contract(),
                        amendment.effectiveFrom()));
    }

    @PostMapping(path = "/{id}/termination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Terminate a contract",
            description = "Ends the contract on endDate (inclusive) as a new version with status TERMINATED. If-Match is"
                    + " optional here; when sent it must be current (412) or *. A terminated contract, an end date before"
                    + " the start or after the agreed end are refused (409). A terminated contract overlaps nothing: the"
                    + " contracts it overlapped get an OVERLAP_FLAGGED version without it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TerminationRequest.class),
                    examples = @ExampleObject(name = "end after one year", value = ContractExamples.TERMINATION))))
    @ApiResponse(responseCode = "201", description = "Terminated; Location points at the new version",
            content = @Content(schema = @Schema(implementation = ContractResponse.class)))
    ResponseEntity<String> terminate(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = IDEMPOTENCY_KEY)
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody TerminationRequest termination) {
        ContractId contractId = contractId(id);
        Integer expectedVersion = ifMatch == null ? null : version(ifMatch);
        return newVersion(idempotencyKey, "/api/v1/contracts/" + contractId + "/termination", ifMatch, termination,
                () -> register.terminate(contractId, CallerParty.restriction(), expectedVersion, termination.endDate()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The current version of a contract", description = "The ETag is the version, for If-Match.")
    ResponseEntity<ContractResponse> get(@PathVariable String id) {
        ContractView view = register.get(contractId(id), CallerParty.restriction());
        return ResponseEntity.ok().eTag(etag(view)).body(ContractResponse.of(view));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a contract, oldest first",
            description = "change is REGISTERED, AMENDED, TERMINATED or OVERLAP_FLAGGED (same terms; only the contracts it"
                    + " overlaps changed, R4, R22).")
    List<ContractResponse> versions(@PathVariable String id) {
        return register.versions(contractId(id), CallerParty.restriction()).stream().map(ContractResponse::of).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a contract")
    ResponseEntity<ContractResponse> version(@PathVariable String id, @PathVariable int version) {
        ContractView view = register.version(contractId(id), version, CallerParty.restriction());
        return ResponseEntity.ok().eTag(etag(view)).body(ContractResponse.of(view));
    }

    @GetMapping
    @Operation(summary = "Find contracts",
            description = "All filters are optional and combine: insurer (UZOVI), provider (AGB), postcode (PC4 matches"
                    + " every PC6 inside it; PC6 matches itself and its PC4), status, activeOn (valid on that day)."
                    + " Every malformed filter is reported at once (400, errors naming each parameter). An insurer finds"
                    + " only contracts it is a party to (totals count only those); an operator finds all.")
    @ApiResponse(responseCode = "400", description = "A malformed filter or paging parameter, each named in errors[].field",
            content = @Content(mediaType = "application/problem+json"))
    ContractPage search(
            @Parameter(description = "UZOVI code of an insurer party", schema = @Schema(pattern = "^[0-9]{4}$", example = "3311"))
            @RequestParam(required = false) String insurer,
            @Parameter(description = "AGB code of a Zvw provider", schema = @Schema(pattern = "^[0-9]{8}$", example = "01012345"))
            @RequestParam(required = false) String provider,
            @Parameter(description = "PC4 or PC6 postcode", schema = @Schema(example = "3011"))
            @RequestParam(required = false) String postcode,
            @Parameter(schema = @Schema(implementation = ContractStatus.class))
            @RequestParam(required = false) String status,
            @Parameter(description = "ISO date on which the contract is valid", schema = @Schema(format = "date", example = "2025-06-01"))
            @RequestParam(required = false) String activeOn,
            @Parameter(schema = @Schema(minimum = "0", defaultValue = "0")) @RequestParam(required = false) String page,
            @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "20"))
            @RequestParam(required = false) String size) {
        SearchParameters parameters = SearchParameters.parse(insurer, provider, postcode, status, activeOn, page, size,
                MAX_PAGE_SIZE);
        var result = register.search(parameters.search().onlyFor(CallerParty.restriction()), parameters.page(),
                parameters.size());
        long totalPages = (result.totalElements() + parameters.size() - 1) / parameters.size();
        return new ContractPage(result.contracts().stream().map(ContractResponse::of).toList(), parameters.page(),
                parameters.size(), result.totalElements(), totalPages);
    }

    /** A change that makes a new version of a contract, once per Idempotency-Key; 201 with the version's location. */
    private ResponseEntity<String> newVersion(String idempotencyKey, String path, String ifMatch, Object body,
            Supplier<ContractView> change) {
        return reply(idempotent.execute(idempotencyKey, path, ifMatch, body, () -> {
            ContractView view = change.get();
            return created(view, versionLocation(view));
        }));
    }

    private IdempotentRequests.Reply created(ContractView view, URI location) {
        return new IdempotentRequests.Reply(HttpStatus.CREATED.value(), location.toString(), etag(view),
                json.writeValueAsString(ContractResponse.of(view)));
    }

    private static ResponseEntity<String> reply(IdempotentRequests.Reply reply) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(reply.status())
                .contentType(reply.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (reply.location() != null) {
            builder.location(URI.create(reply.location()));
        }
        if (reply.etag() != null) {
            builder.eTag(reply.etag());
        }
        return builder.body(reply.body());
    }

    private static URI contractLocation(ContractView view) {
        return URI.create("/api/v1/contracts/" + view.contract().id());
    }

    private static URI versionLocation(ContractView view) {
        return URI.create("/api/v1/contracts/" + view.contract().id() + "/versions/" + view.contract().version());
    }

    private static String etag(ContractView view) {
        return "\"" + view.contract().version() + "\"";
    }

    private static Integer requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "precondition-required", "If-Match required",
                    "amendments need an If-Match header with the ETag of the version they change (read it with GET),"
                            + " or If-Match: * to amend whatever version is current"));
        }
        return version(ifMatch);
    }

    /** The version an If-Match names; null for {@code *}, which RFC 9110 defines as "any current version". */
    private static Integer version(String ifMatch) {
        if (ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new ProblemException(Problem.of(412, "version-mismatch", "Version mismatch",
                    "If-Match '" + ifMatch + "' is not an ETag of this API (a version such as \"1\")"));
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static ContractId contractId(String id) {
        try {
            return ContractId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ContractNotFoundException("no contract with id " + id);
        }
    }
}
