package nl.bdss.settlement.riskequalisation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.privacy.SmallCells;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.riskequalisation.application.AttributionReading;
import nl.bdss.settlement.riskequalisation.application.ChoiceStore;
import nl.bdss.settlement.riskequalisation.application.Choosing;
import nl.bdss.settlement.riskequalisation.application.KeyAgreements;
import nl.bdss.settlement.riskequalisation.application.YearAttributionStore;
import nl.bdss.settlement.riskequalisation.domain.ChoiceStatus;
import nl.bdss.settlement.riskequalisation.domain.DistributionChoice;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
import nl.bdss.settlement.riskequalisation.domain.YearAttribution;
import nl.bdss.settlement.web.FieldChecks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk equalisation per service year (R19): each insurer's distribution key for the year as a record (proposed to,
 * or approved by, Zorginstituut Nederland, with its history), the attribution stored per (insurer, year, Zvw sector,
 * part) under that key, and whether the insurers of each contract use one key (the manual asks for a uniform key).
 *
 * <p>Identity from the token only: an insurer records and reads its own (naming another insurer is 403 for a write and
 * narrows a read to nothing); an operator names the insurer ({@code ?insurer=}) and reads all. Providers 403 (the
 * security rules). To an insurer, a part's positive insured count below {@code bdss.privacy.min-insureds} is withheld
 * ({@code "insuredCount": null, "suppressed": true}), exactly as in {@code POST /attribution}; operators see every
 * count. The key agreement shows keys only, never money or counts.
 */
@RestController
@RequestMapping("/api/v1/risk-equalisation")
@Tag(name = "Risk equalisation", description = "Distribution keys, stored attributions and key agreement per year (R19)")
class RiskEqualisationYearController {

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2999;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final Choosing choosing;
    private final AttributionReading attributions;
    private final KeyAgreements keyAgreements;
    private final SmallCells smallCells;
    private final Clock clock;

    RiskEqualisationYearController(Choosing choosing, AttributionReading attributions, KeyAgreements keyAgreements,
            SmallCells smallCells, Clock clock) {
        this.choosing = choosing;
        this.attributions = attributions;
        this.keyAgreements = keyAgreements;
        this.smallCells = smallCells;
        this.clock = clock;
    }

    record ChoiceRequest(DistributionKey distributionKey, String justification, ChoiceStatus status,
            LocalDate approvedOn) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChoiceState(DistributionKey distributionKey, String justification, ChoiceStatus status,
            LocalDate approvedOn) {

        static ChoiceState of(DistributionChoice choice) {
            return choice == null ? null
                    : new ChoiceState(choice.key(), choice.justification(), choice.status(), choice.approvedOn());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChangeView(int revision, String changedBy, Instant changedAt, ChoiceState before, ChoiceState after) {
    }

    record ChoiceView(String insurer, int year, DistributionKey distributionKey,
            @JsonInclude(JsonInclude.Include.ALWAYS) String justification, ChoiceStatus status,
            @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate approvedOn, int revision, String recordedBy,
            Instant recordedAt, List<ChangeView> history) {

        static ChoiceView of(ChoiceStore.Recorded recorded, List<ChoiceStore.Change> history) {
            DistributionChoice choice = recorded.choice();
            return new ChoiceView(choice.insurer(), choice.year(), choice.key(), choice.justification(),
                    choice.status(), choice.approvedOn(), recorded.revision(), recorded.recordedBy(),
                    recorded.recordedAt(), history.stream().map(c -> new ChangeView(c.revision(), c.changedBy(),
                            c.changedAt(), ChoiceState.of(c.before()), ChoiceState.of(c.after()))).toList());
        }
    }

    @PutMapping(value = "/choices/{year}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the insurer's distribution key for a service year (R19)",
            description = "distributionKey SERVICE_AREA_INSUREDS (spread over the insureds in the target area),"
                    + " ALL_INSUREDS (spread over all its insureds) or NOT_ATTRIBUTED (by exception; justification"
                    + " required); status PROPOSED or APPROVED (by Zorginstituut Nederland; approvedOn required then, not"
                    + " in the future). An insurer records its own (from its token); an operator on an insurer's behalf"
                    + " with ?insurer=. Every change is kept (who, when, before, after); the same choice again changes"
                    + " nothing. The year's stored attribution is recomputed under the new key.")
    @ApiResponse(responseCode = "200", description = "The recorded choice with its history")
    @ApiResponse(responseCode = "400", description = "A field breaks R19 or the request (invalid-request)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "An insurer naming another insurer; a provider",
            content = @Content(mediaType = "application/problem+json"))
    ChoiceView record(@PathVariable int year,
            @Parameter(description = "operator only: the insurer recorded for (an insurer's own is from its token)")
            @RequestParam(required = false) String insurer,
            @RequestBody ChoiceRequest request) {
        Optional<String> own = CurrentClient.insurerRestriction();
        String uzovi = own.orElse(insurer);
        FieldChecks checks = new FieldChecks()
                .check(Uzovi.isValid(uzovi), "insurer", FieldError.REQUEST,
                        "insurer must be a 4-digit UZOVI code, was " + uzovi + " (an operator names it with ?insurer=)")
                .check(year >= FIRST_YEAR && year <= LAST_YEAR, "year", FieldError.REQUEST,
                        "year must be a service year from " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + year);
        DistributionChoice.violations(request.distributionKey(), request.justification(), request.status(),
                request.approvedOn(), LocalDate.now(clock))
                .forEach(v -> checks.check(false, v.field(), "R19", v.message()));
        checks.refuseIfAny();
        if (own.isPresent() && insurer != null && !own.get().equals(insurer)) {
            throw new ProblemException(Problem.forbidden("insurer: an insurer records only its own distribution key; "
                    + insurer + " is not the UZOVI of the calling client"));
        }
        AuditObject.describe("risk-equalisation-choice", uzovi + "/" + year);
        String by = CurrentClient.get().map(CurrentClient::clientId).orElse("operator");
        ChoiceStore.Recorded recorded = choosing.record(new DistributionChoice(uzovi, year, request.distributionKey(),
                request.justification(), request.status(), request.approvedOn()), by);
        return choosing.find(uzovi, year).stream().findFirst()
                .map(c -> ChoiceView.of(c.recorded(), c.history()))
                .orElseGet(() -> ChoiceView.of(recorded, List.of()));
    }

    @GetMapping(value = "/choices", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recorded distribution keys with their history (R19)",
            description = "An insurer its own; an operator all, or one insurer's with ?insurer=. Without ?year= every year.")
    List<ChoiceView> choices(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String insurer) {
        checkYear(year, false);
        return scope(insurer)
                .map(uzovi -> choosing.find(uzovi.isEmpty() ? null : uzovi, year).stream()
                        .map(c -> ChoiceView.of(c.recorded(), c.history())).toList())
                .orElse(List.of());
    }

    record PartView(String part, @JsonInclude(JsonInclude.Include.ALWAYS) Long insuredCount, long amountCents,
            Boolean suppressed, String justification) {
    }

    record SectorView(String sector, long settledCents, List<PartView> parts) {
    }

    record AttributionView(String insurer, int year, DistributionKey distributionKey,
            @JsonInclude(JsonInclude.Include.ALWAYS) ChoiceStatus choiceStatus, String justification,
            long settledCents, long entryCount, Instant computedAt, List<SectorView> sectors) {
    }

    @GetMapping(value = "/attributions", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "The stored attribution of a service year per insurer, Zvw sector and part (R19)",
            description = "Computed under the insurer's recorded key for the year (SERVICE_AREA_INSUREDS when it has"
                    + " recorded none: choiceStatus null), recomputed when the year's bookings, the choice or the counts"
                    + " change. Per sector the parts add up exactly to what the insurer settled in that sector for"
                    + " periods starting in the year. Parts: a postcode of the service areas (by the insurer's own"
                    + " counts; UNCOUNTED for money from an allocation that carried none), ALL_INSUREDS, or"
                    + " NOT_ATTRIBUTED with the justification. An insurer its own (small counts withheld); an operator"
                    + " all, or ?insurer=. JSON, or CSV with format=csv or Accept: text/csv.")
    @ApiResponse(responseCode = "200", description = "The attributions",
            content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "year missing or out of range, insurer not a UZOVI",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> attributions(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String insurer,
            @Parameter(description = "csv for CSV") @RequestParam(required = false) String format,
            @RequestHeader(value = "Accept", required = false) String accept) {
        checkYear(year, true);
        new FieldChecks().check(format == null || format.equals("csv") || format.equals("json"), "format",
                FieldError.REQUEST, "format must be csv or json, was " + format).refuseIfAny();
        AuditObject.describe("risk-equalisation-attributions", (insurer == null ? "" : insurer + "/") + year);
        SmallCells cells = CurrentClient.insurerRestriction().isPresent() ? smallCells : SmallCells.showingEverything();
        List<AttributionView> views = scope(insurer)
                .map(uzovi -> attributions.of(uzovi.isEmpty() ? null : uzovi, year).stream()
                        .map(stored -> view(stored, cells)).toList())
                .orElse(List.of());
        boolean csv = "csv".equals(format) || format == null && accept != null && accept.contains("text/csv")
                && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(views);
        }
        StringBuilder body = new StringBuilder(
                "insurer,year,distributionKey,choiceStatus,sector,part,insuredCount,amountCents,justification\n");
        for (AttributionView view : views) {
            for (SectorView sector : view.sectors()) {
                for (PartView part : sector.parts()) {
                    body.append(String.join(",", view.insurer(), Integer.toString(view.year()),
                            view.distributionKey().name(), view.choiceStatus() == null ? "" : view.choiceStatus().name(),
                            sector.sector(), part.part(), part.insuredCount() == null ? "" : part.insuredCount().toString(),
                            Long.toString(part.amountCents()), cell(part.justification()))).append('\n');
                }
            }
        }
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"risk-equalisation-" + year + ".csv\"")
                .body(body.toString());
    }

    record PartyKeyView(String insurer, @JsonInclude(JsonInclude.Include.ALWAYS) DistributionKey distributionKey) {
    }

    record ContractKeysView(String contractId, String agreement, List<PartyKeyView> insurers) {
    }

    record KeyAgreementView(int year, List<ContractKeysView> contracts) {
    }

    @GetMapping(value = "/key-agreement", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Whether the insurers of each contract use one distribution key for a year (R19)",
            description = "Per contract: each insurer party to it in the year with its recorded key (the key only: no"
                    + " money, no counts; null while it has recorded none) and AGREE, DIFFER or INCOMPLETE. An insurer:"
                    + " the contracts it is party to in the year; an operator: every contract.")
    @ApiResponse(responseCode = "400", description = "year missing or out of range",
            content = @Content(mediaType = "application/problem+json"))
    KeyAgreementView keyAgreement(@RequestParam(required = false) Integer year) {
        checkYear(year, true);
        String uzovi = CurrentClient.insurerRestriction().orElse(null);
        return new KeyAgreementView(year, keyAgreements.of(year, uzovi).stream()
                .map(c -> new ContractKeysView(c.contractId(), c.agreement().name(), c.insurers().stream()
                        .map(p -> new PartyKeyView(p.insurer(), p.distributionKey())).toList()))
                .toList());
    }

    private static AttributionView view(YearAttributionStore.Stored stored, SmallCells cells) {
        YearAttribution a = stored.attribution();
        return new AttributionView(a.insurer(), a.year(), a.key(), a.choiceStatus(), a.justification(),
                a.settledCents(), a.entryCount(), stored.computedAt(), a.sectors().stream()
                        .map(sector -> new SectorView(sector.sector(), sector.settledCents(),
                                YearAttribution.shownUnder(sector, cells).stream()
                                        .map(p -> new PartView(p.category(), p.insuredCount(), p.amountCents(),
                                                p.suppressed() ? Boolean.TRUE : null, p.justification()))
                                        .toList()))
                        .toList());
    }

    /**
     * The insurer a read is about: an insurer its own (naming another narrows to nothing: empty); an operator the
     * one named, or every insurer (an empty string).
     */
    private static Optional<String> scope(String insurer) {
        new FieldChecks().check(insurer == null || Uzovi.isValid(insurer), "insurer", FieldError.REQUEST,
                "insurer must be a 4-digit UZOVI code, was " + insurer).refuseIfAny();
        Optional<String> own = CurrentClient.insurerRestriction();
        if (own.isPresent()) {
            return insurer == null || insurer.equals(own.get()) ? own : Optional.empty();
        }
        return Optional.of(insurer == null ? "" : insurer);
    }

    private static void checkYear(Integer year, boolean required) {
        new FieldChecks()
                .check(!required || year != null, "year", FieldError.REQUEST, "year is required")
                .check(year == null || year >= FIRST_YEAR && year <= LAST_YEAR, "year", FieldError.REQUEST,
                        "year must be a service year from " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + year)
                .refuseIfAny();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
