package nl.bdss.settlement.riskequalisation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.privacy.SmallCells;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.riskequalisation.application.Attributing;
import nl.bdss.settlement.riskequalisation.domain.Attribution;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
import nl.bdss.settlement.web.FieldChecks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk-equalisation attribution (R19): an insurer's settled lump sums (lump sums plus corrections) of one year,
 * attributed to categories by the distribution key the insurer chose. SERVICE_AREA_INSUREDS uses the counts behind
 * the allocations by default; {@code insuredCounts} (per postcode) is the fallback for allocations that carried
 * none, and {@code countsFrom} in the response says which were used. ALL_INSUREDS needs the count of all insureds.
 * JSON, or CSV with {@code Accept: text/csv}.
 *
 * <p>An insurer attributes only its own sums: {@code insurer} is taken from its token when left out and refused
 * (403) when it names another insurer. An operator names the insurer. Only the insurer's own insured counts are ever
 * used or shown (the counts behind an allocation are read per insurer), never another insurer's.
 *
 * <p>Small cells: to an insurer, a part's {@code insuredCount} that rests on fewer than {@code bdss.privacy.min-insureds}
 * (default 10) insureds is withheld: {@code "insuredCount": null, "suppressed": true} (in the CSV an empty
 * {@code insuredCount} cell; the columns are unchanged). A count of 0 is shown. The part's {@code amountCents} stays: it
 * is the insurer's own booking, which R19 asks for per category, and the parts add up to {@code settledCents}.
 * Operators see every count; a part shown in full has no {@code suppressed} field.
 */
@RestController
class RiskEqualisationController {

    private static final SmallCells EVERY_COUNT = SmallCells.showingEverything();

    private final Attributing attributing;
    private final SmallCells smallCells;

    RiskEqualisationController(Attributing attributing, SmallCells smallCells) {
        this.attributing = attributing;
        this.smallCells = smallCells;
    }

    /**
     * A part as the caller is shown it: a withheld count is written as {@code "insuredCount": null} with
     * {@code "suppressed": true}; a shown part has no {@code suppressed} field, exactly as before.
     */
    record PartView(String category, @JsonInclude(JsonInclude.Include.ALWAYS) Long insuredCount, long amountCents,
            Boolean suppressed) {
    }

    record AttributionView(String insurer, int year, DistributionKey key, long settledCents, String reason,
            String countsFrom, List<Attribution.Basis> basis, List<PartView> parts) {

        static AttributionView of(Attribution.Shown shown) {
            return new AttributionView(shown.insurer(), shown.year(), shown.key(), shown.settledCents(), shown.reason(),
                    shown.countsFrom(), shown.basis(), shown.parts().stream()
                            .map(p -> new PartView(p.category(), p.insuredCount(), p.amountCents(),
                                    p.suppressed() ? Boolean.TRUE : null))
                            .toList());
        }
    }

    record Request(String insurer, Integer year, DistributionKey key, Map<String, Long> insuredCounts, String reason) {
    }

    @PostMapping(value = "/api/v1/risk-equalisation/attribution", produces = MediaType.APPLICATION_JSON_VALUE)
    AttributionView attribute(@RequestBody Request request) {
        return AttributionView.of(shown(request));
    }

    /** The attribution as the caller is shown it: an insurer under the small-cell rule, an operator every count. */
    private Attribution.Shown shown(Request request) {
        Attribution attribution = attribution(request);
        return attribution.shownUnder(CurrentClient.insurerRestriction().isPresent() ? smallCells : EVERY_COUNT);
    }

    private Attribution attribution(Request request) {
        Optional<String> onlyUzovi = CurrentClient.insurerRestriction();
        String insurer = request.insurer() == null ? onlyUzovi.orElse(null) : request.insurer();
        Map<String, Long> counts = request.insuredCounts() == null ? Map.of() : request.insuredCounts();
        FieldChecks checks = new FieldChecks()
                .check(Uzovi.isValid(insurer), "insurer", FieldError.REQUEST,
                        "insurer must be a 4-digit UZOVI code, was " + insurer)
                .check(request.year() != null, "year", FieldError.REQUEST, "year is required")
                .check(request.key() != null, "key", "R19",
                        "key is required: SERVICE_AREA_INSUREDS, ALL_INSUREDS or NOT_ATTRIBUTED (R19)");
        counts.forEach((category, count) -> checks.check(count != null && count >= 0, "insuredCounts." + category,
                "R19", "insuredCounts." + category + " must be a count of 0 or more, was " + count));
        if (request.key() == DistributionKey.SERVICE_AREA_INSUREDS) {
            counts.keySet().forEach(postcode -> checks.check(Postcode.parseOrNull(postcode) != null,
                    "insuredCounts." + postcode, "R6", "insuredCounts." + postcode
                            + " must be a PC4 (1234) or PC6 (1234AB) postcode of the service area (R6, R19)"));
            checks.check(counts.isEmpty() || total(counts) > 0, "insuredCounts", "R19",
                    "insuredCounts, when given, must hold at least one insured to spread over (R19)");
        }
        if (request.key() == DistributionKey.ALL_INSUREDS) {
            checks.check(total(counts) > 0, "insuredCounts", "R19",
                    "insuredCounts: the number of all the insurer's insureds is required (R19)");
        }
        if (request.key() == DistributionKey.NOT_ATTRIBUTED) {
            checks.check(request.reason() != null && !request.reason().isBlank(), "reason", "R19",
                    "reason is required when costs are not attributed (R19)");
        }
        checks.refuseIfAny();
        if (onlyUzovi.isPresent() && !onlyUzovi.get().equals(insurer)) {
            throw new ProblemException(Problem.forbidden("insurer: an insurer attributes only its own settled sums; "
                    + insurer + " is not the UZOVI of the calling client"));
        }
        Map<String, Long> callerCounts = request.key() == DistributionKey.SERVICE_AREA_INSUREDS
                ? byNormalisedPostcode(counts) : counts;
        AuditObject.describe("attribution", insurer + "/" + request.year());
        return attributing.attribute(insurer, request.year(), request.key(), callerCounts, request.reason());
    }

    @PostMapping(value = "/api/v1/risk-equalisation/attribution", produces = "text/csv")
    ResponseEntity<String> attributeAsCsv(@RequestBody Request request) {
        Attribution.Shown attribution = shown(request);
        // the columns as before; a withheld count is an empty insuredCount (a shown count is never empty, 0 included)
        StringBuilder csv = new StringBuilder("insurer,year,key,countsFrom,category,insuredCount,amountCents\n");
        for (Attribution.ShownPart part : attribution.parts()) {
            csv.append(attribution.insurer()).append(',').append(attribution.year()).append(',')
                    .append(attribution.key()).append(',')
                    .append(attribution.countsFrom() == null ? "" : attribution.countsFrom()).append(',')
                    .append(part.category()).append(',')
                    .append(part.insuredCount() == null ? "" : part.insuredCount()).append(',')
                    .append(part.amountCents()).append('\n');
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(csv.toString());
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().filter(count -> count != null && count > 0).mapToLong(Long::longValue).sum();
    }

    /** The caller's postcodes in the kernel's normal form, as the allocations' counts are; one count per postcode. */
    private static Map<String, Long> byNormalisedPostcode(Map<String, Long> counts) {
        Map<String, Long> normalised = new TreeMap<>();
        counts.forEach((postcode, count) -> {
            String value = Postcode.parseOrNull(postcode).value();
            if (normalised.put(value, count) != null) {
                throw new ProblemException(Problem.invalidRequest("insuredCounts." + postcode,
                        "insuredCounts." + postcode + " names postcode " + value + " a second time"));
            }
        });
        return normalised;
    }
}
