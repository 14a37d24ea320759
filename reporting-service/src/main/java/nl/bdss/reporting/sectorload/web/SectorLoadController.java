package nl.bdss.reporting.sectorload.web;

import java.util.List;
import nl.bdss.reporting.privacy.application.Audiences;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries.SectorLoads;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.ContractLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.InsurerLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.PeriodSettlement;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Page;
import nl.bdss.reporting.web.Paging;
import nl.bdss.security.CurrentClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The title's load on the sector macro budgets (R17, R18, R21), settled and committed. The sector-wide figures are
 * the same for every caller, except that an insurer is not shown one that rests on one or two contracts of other
 * parties (null, {@code "suppressed": true}; in the CSV an empty cell, see {@link SectorLoadQueries}); the figures
 * per insurer, per contract and per period add up an insurer's own settled lines only when the caller is an insurer
 * (its UZOVI from the token), in the query, so totals and pages are its own money and shown in full.
 */
@RestController
@RequestMapping("/api/v1")
class SectorLoadController {

    private final SectorLoadQueries queries;
    private final Audiences audiences;

    SectorLoadController(SectorLoadQueries queries, Audiences audiences) {
        this.queries = queries;
        this.audiences = audiences;
    }

    /** JSON by default; CSV with {@code format=csv} or {@code Accept: text/csv}. */
    @GetMapping("/sector-loads")
    ResponseEntity<?> sectorLoads(@RequestParam int year, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        SectorLoads loads = queries.ofYear(Paging.year(year),
                audiences.of(CurrentClient.insurerRestriction().orElse(null)));
        if (!Csv.wanted(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(loads);
        }
        Csv csv = new Csv("year", "sector", "amountCents", "committedCents", "macroBudgetCents", "loadShareBasisPoints",
                "committedShareBasisPoints");
        loads.sectors().forEach(load -> csv.row(year, load.sector(), load.amountCents(), load.committedCents(),
                load.macroBudgetCents(), load.loadShareBasisPoints(), load.committedShareBasisPoints()));
        return csv.response("sector-loads-" + year + ".csv");
    }

    @GetMapping("/sector-loads/years")
    List<Integer> years() {
        return queries.years();
    }

    /** One page of the settled load per insurer and sector (JSON), or all of it as CSV. */
    @GetMapping("/sector-loads/by-insurer")
    ResponseEntity<?> byInsurer(@RequestParam int year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Paging.year(year);
        String onlyUzovi = CurrentClient.insurerRestriction().orElse(null);
        if (Csv.wanted(format, accept)) {
            Csv csv = new Csv("year", "uzovi", "sector", "amountCents");
            queries.byInsurer(year, onlyUzovi, Long.MAX_VALUE, 0).forEach(load -> csv.row(year, load.uzovi(), load.sector(), load.amountCents()));
            return csv.response("sector-loads-by-insurer-" + year + ".csv");
        }
        List<InsurerLoad> items = queries.byInsurer(year, onlyUzovi, Paging.size(size), Paging.offset(page, size));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Page<>(items, page, size, queries.insurerCount(year, onlyUzovi)));
    }

    @GetMapping("/sector-loads/by-contract")
    List<ContractLoad> byContract(@RequestParam int year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return queries.byContract(Paging.year(year), CurrentClient.insurerRestriction().orElse(null), Paging.page(page),
                Paging.size(size));
    }

    /** One page of the settled amounts per period and sector (JSON), or all of them as CSV. */
    @GetMapping("/settlements/by-period")
    ResponseEntity<?> settlementsByPeriod(@RequestParam int year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Paging.year(year);
        String onlyUzovi = CurrentClient.insurerRestriction().orElse(null);
        if (Csv.wanted(format, accept)) {
            Csv csv = new Csv("year", "periodStart", "periodEnd", "sector", "amountCents", "entries", "corrections");
            queries.settlementsByPeriod(year, onlyUzovi, Long.MAX_VALUE, 0).forEach(period -> csv.row(year, period.periodStart(),
                    period.periodEnd(), period.sector(), period.amountCents(), period.entries(), period.corrections()));
            return csv.response("settlements-by-period-" + year + ".csv");
        }
        List<PeriodSettlement> items = queries.settlementsByPeriod(year, onlyUzovi, Paging.size(size),
                Paging.offset(page, size));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Page<>(items, page, size, queries.periodCount(year, onlyUzovi)));
    }
}
