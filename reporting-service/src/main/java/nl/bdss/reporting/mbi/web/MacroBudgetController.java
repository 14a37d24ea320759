package nl.bdss.reporting.mbi.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.reporting.mbi.application.MacroBudgetStore.MacroBudgetView;
import nl.bdss.reporting.mbi.application.MacroBudgets;
import nl.bdss.reporting.mbi.domain.MacroBudget;
import nl.bdss.reporting.mbi.domain.MacroBudgetCsv;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.web.Paging;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sector macro budgets as dated reference data (R18, R21), loaded by operators one by one or as CSV. */
@RestController
@RequestMapping("/api/v1")
class MacroBudgetController {

    record MacroBudgetRequest(Long amountCents, String source, LocalDate date) {
    }

    private final MacroBudgets macroBudgets;

    MacroBudgetController(MacroBudgets macroBudgets) {
        this.macroBudgets = macroBudgets;
    }

    @PutMapping("/macro-budgets/{sector}/{year}")
    Map<String, Object> put(@PathVariable String sector, @PathVariable int year, @RequestBody MacroBudgetRequest request) {
        AuditObject.describe("macro-budget", sector + "/" + year);
        if (request.amountCents() == null) {
            throw new IllegalArgumentException("amountCents: required, the macro budget in euro cents (R18)");
        }
        MacroBudget budget = new MacroBudget(new SectorYear(sector, year), request.amountCents(), request.source(), request.date());
        int taken = macroBudgets.record(List.of(budget));
        return Map.of("taken", taken);
    }

    @PostMapping(path = "/macro-budgets", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> upload(@RequestBody String csv) {
        List<MacroBudget> budgets = MacroBudgetCsv.parse(csv);
        AuditObject.describe("macro-budgets", "upload of " + budgets.size());
        int taken = macroBudgets.record(budgets);
        return Map.of("received", budgets.size(), "taken", taken);
    }

    @GetMapping("/macro-budgets")
    List<MacroBudgetView> list(@RequestParam int year) {
        return macroBudgets.ofYear(Paging.year(year));
    }
}
