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
import nl.bdss.contract.register.application.AllocationPreviews;
import nl.bdss.contract.register.application.ContractNotFoundException;
import nl.bdss.contract.register.application.ContractRegister;
import nl.bdss.contract.register.application.ContractView;
import nl.bdss.contract.register.application.ProposalNotFoundException;
import nl.bdss.contract.register.domain.Actor;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractStatus;
import nl.bdss.contract.register.domain.DecisionType;
import nl.bdss.contract.register.domain.Proposal;
import nl.bdss.contract.register.domain.ProposalTag;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The contract register's REST API for insurers' and providers' back offices. Who may call what is declared in
 * {@link ContractSecurityRules}; which contracts a caller sees is decided with {@link CallerParty}: an insurer or a
 * provider only those it signs, the versions it signed and the proposals that ask it (others answer 404 like an
 * unknown id, and are left out of searches), an operator all. Registering, amending and terminating propose; every
 * other signatory answers with {@code POST /{id}/acceptances}; the version takes effect with the last acceptance.
 */
@RestController
@RequestMapping(path = "/api/v1/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contracts", description = "Register, amend, terminate and find BDSS contracts (rules R1-R14)")
class ContractController {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d+)\"?$");
    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_REASON_LENGTH = 2000;
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
    @Operation(summary = "Propose a contract (registration)",
            description = "Checks every rule (R1-R14) and reports all violations at once (422). On success the contract is"
                    + " stored as a proposal (status PROPOSED, proposal.kind REGISTRATION) that every other insurer and every"
                    + " Zvw provider it names must accept (proposal.pendingAcceptances; the proposer's acceptance is implied);"
                    + " nothing is published yet. ETag: the proposal's. With the last acceptance it takes effect as version 1"
                    + " and a ContractVersionPublished (REGISTERED) event is published. Double-funding watch (R4, R22): the"
                    + " active contracts it then overlaps (a Zvw provider in common, overlapping service area and validity)"
                    + " each get a new version (OVERLAP_FLAGGED, same terms, a new ETag), published in the same transaction.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ContractDocumentJson.class),
                    examples = {@ExampleObject(name = "manual example", value = ContractExamples.MANUAL_EXAMPLE),
                            @ExampleObject(name = "reference date per year, hybrid meeting (R11, R13)",
                                    value = ContractExamples.YEARLY_REFERENCE_DATES)})))
    @ApiResponse(responseCode = "201", description = "Proposed; Location points at the new contract, ETag is the proposal's",
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
        Actor proposer = CallerParty.actor();
        ResponseEntity<String> response = reply(idempotent.execute(idempotencyKey, "/api/v1/contracts", null, document, () -> {
            ContractView view = register.register(document, proposer);
            return created(view, contractLocation(view));
        }));
        if (response.getHeaders().getLocation() != null) {
            String location = response.getHeaders().getLocation().toString();
            describeProposal(location.substring(location.lastIndexOf('/') + 1), response, "REGISTRATION");
        }
        return response;
    }

    @PostMapping(path = "/{id}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose an amendment",
            description = "Proposes to replace the contract document from effectiveFrom on, as a new version; every other"
                    + " signatory of the current version and of the new document must accept it (POST .../acceptances), and"
                    + " until then the current version stays in force. At most one proposal is open per contract (409"
                    + " proposal-open). Requires If-Match with"
                    + " the current ETag (428 without it, 412 when it is not current; the ETag also changes when another"
                    + " contract starts or stops overlapping this one, OVERLAP_FLAGGED), or If-Match: * to amend whatever"
                    + " version is current (RFC 9110). An amendment effective in the past is allowed; one outside the"
                    + " validity, or of a terminated contract, is refused (409). Overlaps gained or lost give the other"
                    + " contracts an OVERLAP_FLAGGED version.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = AmendmentRequest.class),
                    examples = @ExampleObject(name = "higher lump sum from 2026", value = ContractExamples.AMENDMENT))))
    @ApiResponse(responseCode = "201", description = "Proposed; Location points at the proposal, ETag is the proposal's",
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
        Actor proposer = CallerParty.actor();
        return proposal(idempotencyKey, contractId, "/amendments", ifMatch, amendment, "AMENDMENT",
                () -> register.amend(contractId, proposer, expectedVersion, amendment.contract(),
                        amendment.effectiveFrom()));
    }

    @PostMapping(path = "/{id}/termination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a termination",
            description = "Proposes to end the contract on endDate (inclusive) as a new version with status TERMINATED;"
                    + " every other signatory must accept it, and until then the contract stays in force. If-Match is"
                    + " optional here; when sent it must be current (412) or *. A terminated contract, an end date before"
                    + " the start or after the agreed end are refused (409). A terminated contract overlaps nothing: the"
                    + " contracts it overlapped get an OVERLAP_FLAGGED version without it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TerminationRequest.class),
                    examples = @ExampleObject(name = "end after one year", value = ContractExamples.TERMINATION))))
    @ApiResponse(responseCode = "201", description = "Proposed; Location points at the proposal, ETag is the proposal's",
            content = @Content(schema = @Schema(implementation = ContractResponse.class)))
    ResponseEntity<String> terminate(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = IDEMPOTENCY_KEY)
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody TerminationRequest termination) {
        ContractId contractId = contractId(id);
        Integer expectedVersion = ifMatch == null ? null : version(ifMatch);
        Actor proposer = CallerParty.actor();
        return proposal(idempotencyKey, contractId, "/termination", ifMatch, termination, "TERMINATION",
                () -> register.terminate(contractId, proposer, expectedVersion, termination.endDate()));
    }

    @PostMapping(path = "/{id}/acceptances", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept or decline the contract's proposal",
            description = "A signatory asked by the open proposal answers with its own token: {\"decision\":\"ACCEPT\"} or"
                    + " {\"decision\":\"DECLINE\",\"reason\":\"...\"}. If-Match: the proposal's ETag (428 without it, 412"
                    + " proposal-mismatch when the proposal changed since it was read). The same answer again changes nothing"
                    + " (200); another answer after it, or any answer to a closed proposal, is 409; a caller the proposal does"
                    + " not ask gets 404. The last acceptance makes the version take effect and publishes it; a decline closes"
                    + " the proposal and nothing is published.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = DecisionRequest.class),
                    examples = {@ExampleObject(name = "accept", value = ContractExamples.ACCEPT),
                            @ExampleObject(name = "decline", value = ContractExamples.DECLINE)})))
    @ApiResponse(responseCode = "200", description = "Recorded (or the same answer again); ETag is the proposal's",
            content = @Content(schema = @Schema(implementation = ContractResponse.class)))
    ResponseEntity<String> decide(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = IDEMPOTENCY_KEY)
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody DecisionRequest decision) {
        ContractId contractId = proposalContractId(id);
        ProposalTag expected = requiredProposalTag(ifMatch, "an acceptance or decline");
        if (decision.decision() == null) {
            throw new ProblemException(Problem.invalidRequest("decision", "decision must be ACCEPT or DECLINE"));
        }
        if (decision.decision() == DecisionType.DECLINE && (decision.reason() == null || decision.reason().isBlank())) {
            throw new ProblemException(Problem.invalidRequest("reason", "a decline says why: reason is required"));
        }
        if (decision.reason() != null && decision.reason().length() > MAX_REASON_LENGTH) {
            throw new ProblemException(Problem.invalidRequest("reason",
                    "reason must be at most " + MAX_REASON_LENGTH + " characters"));
        }
        Actor actor = CallerParty.actor();
        boolean showIds = CallerParty.seesEveryContract();
        ResponseEntity<String> response = reply(idempotent.execute(idempotencyKey,
                "/api/v1/contracts/" + contractId + "/acceptances", ifMatch, decision, () -> {
                    ContractView view = register.decide(contractId, actor, expected, decision.decision(),
                            decision.reason());
                    return new IdempotentRequests.Reply(HttpStatus.OK.value(), null, proposalEtag(view),
                            json.writeValueAsString(ContractResponse.of(view, showIds)));
                }));
        describeProposal(contractId.toString(), response, decision.decision().name());
        return response;
    }

    @DeleteMapping("/{id}/proposal")
    @Operation(summary = "Withdraw the contract's open proposal",
            description = "Only the proposer; If-Match: the proposal's ETag (428 without it, 412 when stale). Nothing takes"
                    + " effect; withdrawing it again changes nothing (200). A closed proposal is 409, another party 403.")
    @ApiResponse(responseCode = "200", description = "Withdrawn; ETag is the proposal's",
            content = @Content(schema = @Schema(implementation = ContractResponse.class)))
    ResponseEntity<String> withdraw(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ContractId contractId = proposalContractId(id);
        ProposalTag expected = requiredProposalTag(ifMatch, "a withdrawal");
        ContractView view = register.withdraw(contractId, CallerParty.actor(), expected);
        ResponseEntity<String> response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .eTag(proposalEtag(view))
                .body(json.writeValueAsString(ContractResponse.of(view, CallerParty.seesEveryContract())));
        describeProposal(contractId.toString(), response, "WITHDRAW");
        return response;
    }

    @GetMapping("/{id}/proposal")
    @Operation(summary = "The contract's latest proposal the caller may see",
            description = "What it proposes, whom it asks, who has not answered and every decision (who, when, why). The"
                    + " ETag is the proposal's, for If-Match on acceptances and withdrawal.")
    ResponseEntity<ProposalResponse> proposal(@PathVariable String id) {
        Proposal proposal = register.proposal(proposalContractId(id), CallerParty.restriction());
        return ResponseEntity.ok().eTag(ProposalResponse.etag(proposal)).body(ProposalResponse.of(proposal));
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Preview what a draft would make each party pay or receive",
            description = "The rules run (422) and allocation-service computes, from the counts it has, what the caller"
                    + " would pay or receive per period and sector if the draft took effect (status COMPLETE or PENDING with"
                    + " pendingReason); nothing is stored or published anywhere. Allocation's answer is passed on as it is;"
                    + " 503 allocation-unavailable when it cannot be reached. An insurer or provider previews only a draft"
                    + " that names it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ContractDocumentJson.class),
                    examples = @ExampleObject(name = "manual example", value = ContractExamples.MANUAL_EXAMPLE))))
    ResponseEntity<String> previewDraft(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ContractDocumentJson document) {
        CallerParty.requireSignatory(document);
        return previewReply(register.previewDraft(document, authorization));
    }

    @GetMapping("/{id}/proposal/preview")
    @Operation(summary = "Preview what the open proposal would make each party pay or receive",
            description = "As POST /preview for the version the open proposal would make; for an amendment allocation also"
                    + " lists the corrections it would book against the current allocation. 404 when there is no open"
                    + " proposal the caller may see.")
    ResponseEntity<String> previewProposal(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return previewReply(register.previewProposal(proposalContractId(id), CallerParty.restriction(), authorization));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The current version of a contract, with its latest proposal",
            description = "The ETag is the version, for If-Match on amendments (for a contract not in force yet: the"
                    + " proposal's). A former party sees the last version it signed; a party only asked by a proposal sees"
                    + " the version proposed (status PROPOSED). proposal: the latest proposal the caller may see, with every"
                    + " decision. Insurers and providers see overlappingContractCount, operators also the ids.")
    ResponseEntity<ContractResponse> get(@PathVariable String id) {
        ContractView view = register.get(contractId(id), CallerParty.restriction());
        return ResponseEntity.ok().eTag(etag(view)).body(ContractResponse.of(view, CallerParty.seesEveryContract()));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of a contract, oldest first",
            description = "change is REGISTERED, AMENDED, TERMINATED or OVERLAP_FLAGGED (same terms; only the contracts it"
                    + " overlaps changed, R4, R22). An insurer or provider sees the versions it signed (a former party only"
                    + " those); a contract not in force yet has none.")
    List<ContractResponse> versions(@PathVariable String id) {
        boolean showIds = CallerParty.seesEveryContract();
        return register.versions(contractId(id), CallerParty.restriction()).stream()
                .map(view -> ContractResponse.of(view, showIds)).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a contract")
    ResponseEntity<ContractResponse> version(@PathVariable String id, @PathVariable int version) {
        ContractView view = register.version(contractId(id), version, CallerParty.restriction());
        return ResponseEntity.ok().eTag(etag(view)).body(ContractResponse.of(view, CallerParty.seesEveryContract()));
    }

    @GetMapping
    @Operation(summary = "Find contracts",
            description = "All filters are optional and combine: insurer (UZOVI), provider (AGB), postcode (PC4 matches"
                    + " every PC6 inside it; PC6 matches itself and its PC4), status, activeOn (valid on that day)."
                    + " Every malformed filter is reported at once (400, errors naming each parameter). An insurer or a"
                    + " provider finds only contracts it signs now, proposed registrations included (totals count only"
                    + " those); an operator finds all.")
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
        boolean showIds = CallerParty.seesEveryContract();
        return new ContractPage(result.contracts().stream().map(view -> ContractResponse.of(view, showIds)).toList(),
                parameters.page(), parameters.size(), result.totalElements(), totalPages);
    }

    /** A proposal to change a contract, once per Idempotency-Key; 201 with the proposal's location and ETag. */
    private ResponseEntity<String> proposal(String idempotencyKey, ContractId id, String subPath, String ifMatch,
            Object body, String kind, Supplier<ContractView> change) {
        ResponseEntity<String> response = reply(idempotent.execute(idempotencyKey, "/api/v1/contracts/" + id + subPath,
                ifMatch, body, () -> created(change.get(), URI.create("/api/v1/contracts/" + id + "/proposal"))));
        describeProposal(id.toString(), response, kind);
        return response;
    }

    private IdempotentRequests.Reply created(ContractView view, URI location) {
        return new IdempotentRequests.Reply(HttpStatus.CREATED.value(), location.toString(), proposalEtag(view),
                json.writeValueAsString(ContractResponse.of(view, CallerParty.seesEveryContract())));
    }

    /**
     * Names what a successful write did in its audit entry: {@code contract-proposal} and
     * {@code <contract id>/p<number>/<what>} (REGISTRATION, AMENDMENT, TERMINATION, ACCEPT, DECLINE, WITHDRAW). A
     * refusal keeps the entry the audit filter makes of the path.
     */
    private static void describeProposal(String contractId, ResponseEntity<String> response, String what) {
        String etag = response.getHeaders().getETag();
        if (response.getStatusCode().is2xxSuccessful() && etag != null) {
            ProposalTag.parse(etag).ifPresent(tag ->
                    AuditObject.describe("contract-proposal", contractId + "/p" + tag.number() + "/" + what));
        }
    }

    private static ResponseEntity<String> previewReply(AllocationPreviews.Answer answer) {
        return ResponseEntity.status(answer.status()).contentType(MediaType.parseMediaType(answer.contentType()))
                .body(answer.body());
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

    /** A version in force: its number, for If-Match on amendments; a contract not in force yet: its proposal's. */
    private static String etag(ContractView view) {
        if (!view.contract().status().inForce() && view.proposal() != null) {
            return ProposalResponse.etag(view.proposal());
        }
        return "\"" + view.contract().version() + "\"";
    }

    private static String proposalEtag(ContractView view) {
        return view.proposal() == null ? etag(view) : ProposalResponse.etag(view.proposal());
    }

    /** The proposal state an If-Match names; a proposal's ETag is required (428 without, 412 when not one). */
    private static ProposalTag requiredProposalTag(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "precondition-required", "If-Match required",
                    what + " needs an If-Match header with the ETag of the proposal it answers (read it with GET)"));
        }
        return ProposalTag.parse(ifMatch).orElseThrow(() -> new ProblemException(Problem.of(412, "proposal-mismatch",
                "Proposal changed", "If-Match '" + ifMatch + "' is not the ETag of a proposal (such as \"p1-1\");"
                        + " a party answers the proposal it read, so If-Match: * is not accepted here")));
    }

    /** A contract id in a proposal's path; one that is not an id is answered like a contract without proposals. */
    private static ContractId proposalContractId(String id) {
        try {
            return ContractId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ProposalNotFoundException("contract " + id + " has no proposal the caller may see"
                    + " (or there is no such contract)");
        }
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
