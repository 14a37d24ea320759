package nl.bdss.settlement.riskequalisation.web;

import java.util.Map;
import java.util.Optional;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import nl.bdss.settlement.riskequalisation.application.Attributing;
import nl.bdss.settlement.riskequalisation.domain.Attribution;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
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
 * (403) when it names another insurer. An operator names the insurer.
 */
@RestController
class RiskEqualisationController {

    private final Attributing attributing;

    RiskEqualisationController(Attributing attributing) {
        this.attributing = attributing;
    }

    record Request(String insurer, Integer year, DistributionKey key, Map<String, Long> insuredCounts, String reason) {
    }

    @PostMapping(value = "/api/v1/risk-equalisation/attribution", produces = MediaType.APPLICATION_JSON_VALUE)
    Attribution attribute(@RequestBody Request request) {
        Optional<String> onlyUzovi = CurrentClient.insurerRestriction();
        String insurer = request.insurer() == null ? onlyUzovi.orElse(null) : request.insurer();
        if (!Uzovi.isValid(insurer)) {
            throw new IllegalArgumentException("insurer must be a 4-digit UZOVI code");
        }
        if (onlyUzovi.isPresent() && !onlyUzovi.get().equals(insurer)) {
            throw new ProblemException(Problem.forbidden("insurer: an insurer attributes only its own settled sums; "
                    + insurer + " is not the UZOVI of the calling client"));
        }
        if (request.year() == null) {
            throw new IllegalArgumentException("year is required");
        }
        if (request.key() == null) {
            throw new IllegalArgumentException("key is required: SERVICE_AREA_INSUREDS, ALL_INSUREDS or NOT_ATTRIBUTED (R19)");
        }
        AuditObject.describe("attribution", insurer + "/" + request.year());
        return attributing.attribute(insurer, request.year(), request.key(), request.insuredCounts(),
                request.reason());
    }

    @PostMapping(value = "/api/v1/risk-equalisation/attribution", produces = "text/csv")
    ResponseEntity<String> attributeAsCsv(@RequestBody Request request) {
        Attribution attribution = attribute(request);
        StringBuilder csv = new StringBuilder("insurer,year,key,countsFrom,category,insuredCount,amountCents\n");
        for (Attribution.Part part : attribution.parts()) {
            csv.append(attribution.insurer()).append(',').append(attribution.year()).append(',')
                    .append(attribution.key()).append(',')
                    .append(attribution.countsFrom() == null ? "" : attribution.countsFrom()).append(',')
                    .append(part.category()).append(',')
                    .append(part.insuredCount()).append(',').append(part.amountCents()).append('\n');
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(csv.toString());
    }
}
