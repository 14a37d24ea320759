package nl.bdss.reporting.sectorload.web;

import java.util.List;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries.ContractLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries.InsurerLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries.PeriodSettlement;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries.SectorLoads;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The title's load on the sector macro budgets (R17, R18, R21), settled and committed. */
@RestController
@RequestMapping("/api/v1")
class SectorLoadController {

    private final SectorLoadQueries queries;

    SectorLoadController(SectorLoadQueries queries) {
        this.queries = queries;
    }

    /** JSON by default; CSV with {@code format=csv} or {@code Accept: text/csv}. */
    @GetMapping("/sector-loads")
    ResponseEntity<?> sectorLoads(@RequestParam int year, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        SectorLoads loads = queries.ofYear(Paging.year(year));
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

    @GetMapping("/sector-loads/by-insurer")
    List<InsurerLoad> byInsurer(@RequestParam int year) {
        return queries.byInsurer(Paging.year(year));
    }

    @GetMapping("/sector-loads/by-contract")
    List<ContractLoad> byContract(@RequestParam int year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return queries.byContract(Paging.year(year), Paging.page(page), Paging.size(size));
    }

    @GetMapping("/settlements/by-period")
    List<PeriodSettlement> settlementsByPeriod(@RequestParam int year) {
        return queries.settlementsByPeriod(Paging.year(year));
    }
}
