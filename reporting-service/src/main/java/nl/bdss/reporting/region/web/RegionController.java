package nl.bdss.reporting.region.web;

import java.util.List;
import java.util.Map;
import nl.bdss.problem.FieldError;
import nl.bdss.reporting.privacy.application.Audiences;
import nl.bdss.reporting.region.application.RegionLoadQuery;
import nl.bdss.reporting.region.application.RegionLoadQuery.RegionLoads;
import nl.bdss.reporting.region.application.RegionReference;
import nl.bdss.reporting.region.domain.Pc4Range;
import nl.bdss.reporting.region.domain.RegionCsv;
import nl.bdss.reporting.region.domain.RegionMap;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Paging;
import nl.bdss.reporting.web.Refusals;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regions as PC4 ranges (reference data, replaceable by operators) and the title's load per region; an insurer
 * is not shown a region's figures that rest on one or two contracts of other parties (null and
 * {@code "suppressed": true}, in the CSV empty cells).
 */
@RestController
@RequestMapping("/api/v1")
class RegionController {

    static final String INVALID = "invalid-regions";

    private final RegionReference reference;
    private final RegionLoadQuery loads;
    private final Audiences audiences;

    RegionController(RegionReference reference, RegionLoadQuery loads, Audiences audiences) {
        this.reference = reference;
        this.loads = loads;
        this.audiences = audiences;
    }

    @GetMapping("/regions")
    List<Pc4Range> regions() {
        return reference.current().ranges();
    }

    /**
     * Replaces all ranges with the uploaded ones ({@code region,pc4From,pc4To}); a bad file stores nothing and is
     * refused naming every bad value with its line.
     */
    @PostMapping(path = "/regions", consumes = {Csv.MEDIA_TYPE, MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> upload(@RequestBody String csv) {
        RegionCsv.Read read = RegionCsv.read(csv);
        RegionMap map = read.map().orElseThrow(() -> Refusals.invalid(INVALID, "The region ranges break a rule",
                read.violations().stream()
                        .map(violation -> new FieldError(violation.field(), violation.rule(), violation.message()))
                        .toList()));
        AuditObject.describe("regions", "upload of " + map.regions().size());
        return Map.of("ranges", reference.replace(map), "regions", map.regions().size());
    }

    @GetMapping("/region-loads")
    ResponseEntity<?> regionLoads(@RequestParam int year, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        RegionLoads figures = loads.ofYear(Paging.year(year),
                audiences.of(CurrentClient.insurerRestriction().orElse(null)));
        if (!Csv.wanted(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
        }
        Csv csv = new Csv("year", "region", "settledCents", "committedCents", "contracts");
        figures.regions().forEach(region -> csv.row(year, region.region(), region.settledCents(), region.committedCents(),
                region.contractCount()));
        return csv.response("region-loads-" + year + ".csv");
    }
}
