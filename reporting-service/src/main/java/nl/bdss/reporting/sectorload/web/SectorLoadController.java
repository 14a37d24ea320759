package nl.bdss.reporting.sectorload.web;

import java.util.List;
import java.util.Optional;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.reporting.privacy.application.Audiences;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries.BookedLoads;
import nl.bdss.reporting.sectorload.application.SectorLoadQueries.SectorLoads;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.ContractLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.InsurerLoad;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings.PeriodSettlement;
import nl.bdss.reporting.sectorload.domain.YearView;
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
 *
 * <p>{@code view} chooses the year an amount counts in on {@code /sector-loads}, {@code /by-insurer} and
 * {@code /by-contract}: {@code service} (the default, the NZa monitor's view: the year its period starts in; for a
 * closed year with the split as closed and later) or {@code booking} (the insurer's annual accounts: the year it
 * was booked in, with the service year each amount belongs to). One path per figure with a view parameter, rather
 * than a path per view, because both views are the same figures counted by another year.
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
    ResponseEntity<?> sectorLoads(@RequestParam int year, @RequestParam(required = false) String view,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Paging.year(year);
        YearView yearView = view(view);
        if (yearView == YearView.BOOKING) {
            return bookedLoads(year, format, accept);
        }
        SectorLoads loads = queries.ofYear(year, audiences.of(CurrentClient.insurerRestriction().orElse(null)));
        if (!Csv.wanted(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(loads);
        }
        if (loads.closed() == null) {
            Csv csv = new Csv("year", "sector", "amountCents", "committedCents", "macroBudgetCents",
                    "loadShareBasisPoints", "committedShareBasisPoints");
            loads.sectors().forEach(load -> csv.row(year, load.sector(), load.amountCents(), load.committedCents(),
                    load.macroBudgetCents(), load.loadShareBasisPoints(), load.committedShareBasisPoints()));
            return csv.response("sector-loads-" + year + ".csv");
        }
        // a closed year: the same columns, and the split as closed and later
        Csv csv = new Csv("year", "sector", "amountCents", "committedCents", "macroBudgetCents", "loadShareBasisPoints",
                "committedShareBasisPoints", "amountAtCloseCents", "laterCorrectionsCents");
        loads.sectors().forEach(load -> csv.row(year, load.sector(), load.amountCents(), load.committedCents(),
                load.macroBudgetCents(), load.loadShareBasisPoints(), load.committedShareBasisPoints(),
                load.amountAtCloseCents().orElse(null), load.laterCorrectionsCents().orElse(null)));
        return csv.response("sector-loads-" + year + ".csv");
    }

    /** The booking-year view: JSON, or as CSV one row per sector and service year. */
    private ResponseEntity<?> bookedLoads(int year, String format, String accept) {
        BookedLoads loads = queries.ofBookingYear(year, audiences.of(CurrentClient.insurerRestriction().orElse(null)));
        if (!Csv.wanted(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(loads);
        }
        Csv csv = new Csv("bookingYear", "sector", "serviceYear", "amountCents");
        loads.sectors().forEach(sector -> sector.byServiceYear().forEach(cell ->
                csv.row(year, sector.sector(), cell.serviceYear(), cell.amountCents())));
        return csv.response("sector-loads-booked-" + year + ".csv");
    }

    /** The view named in the request; {@code service} when none is. */
    static YearView view(String view) {
        if (view == null) {
            return YearView.SERVICE;
        }
        Optional<YearView> named = YearView.named(view);
        if (named.isEmpty()) {
            throw new ProblemException(Problem.invalidRequest("view",
                    "view: service (the year a period starts in) or booking (the year an amount was booked in), was "
                            + view));
        }
        return named.get();
    }

    @GetMapping("/sector-loads/years")
    List<Integer> years() {
        return queries.years();
    }

    /** One page of the settled load per insurer and sector (JSON), or all of it as CSV. */
    @GetMapping("/sector-loads/by-insurer")
    ResponseEntity<?> byInsurer(@RequestParam int year, @RequestParam(required = false) String view,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Paging.year(year);
        YearView yearView = view(view);
        String onlyUzovi = CurrentClient.insurerRestriction().orElse(null);
        if (Csv.wanted(format, accept)) {
            List<InsurerLoad> rows = queries.byInsurer(year, yearView, onlyUzovi, Long.MAX_VALUE, 0);
            if (yearView == YearView.BOOKING) {
                Csv csv = new Csv("bookingYear", "uzovi", "sector", "serviceYear", "amountCents");
                rows.forEach(load -> csv.row(year, load.uzovi(), load.sector(), load.serviceYear(), load.amountCents()));
                return csv.response("sector-loads-by-insurer-booked-" + year + ".csv");
            }
            if (!queries.closed(year)) {
                Csv csv = new Csv("year", "uzovi", "sector", "amountCents");
                rows.forEach(load -> csv.row(year, load.uzovi(), load.sector(), load.amountCents()));
                return csv.response("sector-loads-by-insurer-" + year + ".csv");
            }
            Csv csv = new Csv("year", "uzovi", "sector", "amountCents", "amountAtCloseCents", "laterCorrectionsCents");
            rows.forEach(load -> csv.row(year, load.uzovi(), load.sector(), load.amountCents(),
                    load.amountAtCloseCents(), load.laterCorrectionsCents()));
            return csv.response("sector-loads-by-insurer-" + year + ".csv");
        }
        List<InsurerLoad> items = queries.byInsurer(year, yearView, onlyUzovi, Paging.size(size),
                Paging.offset(page, size));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Page<>(items, page, size, queries.insurerCount(year, yearView, onlyUzovi)));
    }

    /** One page of the settled load per contract and sector (JSON), or all of it as CSV. */
    @GetMapping("/sector-loads/by-contract")
    ResponseEntity<?> byContract(@RequestParam int year, @RequestParam(required = false) String view,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Paging.year(year);
        YearView yearView = view(view);
        String onlyUzovi = CurrentClient.insurerRestriction().orElse(null);
        if (!Csv.wanted(format, accept)) {
            List<ContractLoad> items = queries.byContract(year, yearView, onlyUzovi, Paging.page(page),
                    Paging.size(size));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(items);
        }
        List<ContractLoad> rows = queries.byContract(year, yearView, onlyUzovi, 0, Integer.MAX_VALUE);
        Csv csv = yearView == YearView.BOOKING ? new Csv("bookingYear", "contractId", "sector", "serviceYear", "amountCents")
                : queries.closed(year) ? new Csv("year", "contractId", "sector", "amountCents", "amountAtCloseCents",
                        "laterCorrectionsCents")
                : new Csv("year", "contractId", "sector", "amountCents");
        rows.forEach(load -> {
            if (yearView == YearView.BOOKING) {
                csv.row(year, load.contractId(), load.sector(), load.serviceYear(), load.amountCents());
            } else if (load.amountAtCloseCents() != null) {
                csv.row(year, load.contractId(), load.sector(), load.amountCents(), load.amountAtCloseCents(),
                        load.laterCorrectionsCents());
            } else {
                csv.row(year, load.contractId(), load.sector(), load.amountCents());
            }
        });
        return csv.response("sector-loads-by-contract-" + (yearView == YearView.BOOKING ? "booked-" : "") + year
                + ".csv");
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
