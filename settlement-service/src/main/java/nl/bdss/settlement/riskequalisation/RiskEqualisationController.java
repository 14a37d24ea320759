package nl.bdss.settlement.riskequalisation;

import java.util.Map;
import nl.bdss.settlement.riskequalisation.domain.Attribution;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk-equalisation attribution (R19): an insurer's settled lump sums (lump sums plus corrections) of one year,
 * attributed to categories by the distribution key the insurer chose, with the counts it supplies for that key.
 * Computed on request from the immutable settlement entries; JSON, or CSV with {@code Accept: text/csv}.
 */
@RestController
class RiskEqualisationController {

    private final JdbcClient jdbc;

    RiskEqualisationController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Request(String insurer, Integer year, DistributionKey key, Map<String, Long> insuredCounts, String reason) {
    }

    @PostMapping(value = "/api/v1/risk-equalisation/attribution", produces = MediaType.APPLICATION_JSON_VALUE)
    Attribution attribute(@RequestBody Request request) {
        if (request.insurer() == null || !request.insurer().matches("\\d{4}")) {
            throw new IllegalArgumentException("insurer must be a 4-digit UZOVI code");
        }
        if (request.year() == null) {
            throw new IllegalArgumentException("year is required");
        }
        long settled = jdbc.sql("""
                select coalesce(sum(amount_cents), 0) from settlement_entry
                where uzovi = ? and extract(year from period_start) = ?""")
                .params(request.insurer(), request.year())
                .query(Long.class).single();
        return Attribution.of(request.insurer(), request.year(), request.key(), settled, request.insuredCounts(),
                request.reason());
    }

    @PostMapping(value = "/api/v1/risk-equalisation/attribution", produces = "text/csv")
    ResponseEntity<String> attributeAsCsv(@RequestBody Request request) {
        Attribution attribution = attribute(request);
        StringBuilder csv = new StringBuilder("insurer,year,key,category,insuredCount,amountCents\n");
        for (Attribution.Part part : attribution.parts()) {
            csv.append(attribution.insurer()).append(',').append(attribution.year()).append(',')
                    .append(attribution.key()).append(',').append(part.category()).append(',')
                    .append(part.insuredCount()).append(',').append(part.amountCents()).append('\n');
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(csv.toString());
    }
}
