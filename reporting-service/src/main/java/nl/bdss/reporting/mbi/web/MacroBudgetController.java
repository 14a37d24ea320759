package nl.bdss.reporting.mbi.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.problem.FieldError;
import nl.bdss.problem.ProblemException;
import nl.bdss.reporting.mbi.application.MacroBudgetStore.MacroBudgetView;
import nl.bdss.reporting.mbi.application.MacroBudgets;
import nl.bdss.reporting.mbi.domain.MacroBudget;
import nl.bdss.reporting.mbi.domain.MacroBudgetCsv;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.mbi.domain.Violation;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Paging;
import nl.bdss.reporting.web.Refusals;
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

/**
 * Sector macro budgets as dated reference data (R18, R21), loaded by operators one by one or as CSV. Every value is
 * checked here before anything is stored; a refusal names each field (for CSV with its line) and the rule.
 */
@RestController
@RequestMapping("/api/v1")
class MacroBudgetController {

    static final String INVALID = "invalid-macro-budgets";
    static final String INVALID_TITLE = "The macro budgets break a rule";

    record MacroBudgetRequest(Long amountCents, String source, LocalDate date) {
    }

    private final MacroBudgets macroBudgets;

    MacroBudgetController(MacroBudgets macroBudgets) {
        this.macroBudgets = macroBudgets;
    }

    @PutMapping("/macro-budgets/{sector}/{year}")
    Map<String, Object> put(@PathVariable String sector, @PathVariable int year, @RequestBody MacroBudgetRequest request) {
        AuditObject.describe("macro-budget", sector + "/" + year);
        List<Violation> violations = new ArrayList<>();
        SectorYear.checkSector(sector).ifPresent(violations::add);
        SectorYear.checkYear(year).ifPresent(violations::add);
        if (request.amountCents() == null) {
            violations.add(new Violation("amountCents", "R18", "required, the macro budget in euro cents (R18)"));
        } else {
            MacroBudget.checkAmount(request.amountCents()).ifPresent(violations::add);
        }
        MacroBudget.checkSource(request.source()).ifPresent(violations::add);
        MacroBudget.checkDate(request.date()).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw refused(violations);
        }
        MacroBudget budget = new MacroBudget(new SectorYear(sector, year), request.amountCents(), request.source(),
                request.date());
        return Map.of("taken", macroBudgets.record(List.of(budget)));
    }

    @PostMapping(path = "/macro-budgets", consumes = {Csv.MEDIA_TYPE, MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> upload(@RequestBody String csv) {
        MacroBudgetCsv.Read read = MacroBudgetCsv.read(csv);
        if (!read.violations().isEmpty()) {
            throw refused(read.violations());
        }
        AuditObject.describe("macro-budgets", "upload of " + read.budgets().size());
        int taken = macroBudgets.record(read.budgets());
        return Map.of("received", read.budgets().size(), "taken", taken);
    }

    @GetMapping("/macro-budgets")
    List<MacroBudgetView> list(@RequestParam int year) {
        return macroBudgets.ofYear(Paging.year(year));
    }

    private static ProblemException refused(List<Violation> violations) {
        return Refusals.invalid(INVALID, INVALID_TITLE, violations.stream()
                .map(violation -> new FieldError(violation.field(), violation.rule(), violation.message()))
                .toList());
    }
}
