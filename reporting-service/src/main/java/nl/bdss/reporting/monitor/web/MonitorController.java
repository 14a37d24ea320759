package nl.bdss.reporting.monitor.web;

import nl.bdss.reporting.monitor.application.MonitorQuery;
import nl.bdss.reporting.monitor.application.MonitorView;
import nl.bdss.reporting.monitor.application.ShownMonitor;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import nl.bdss.reporting.privacy.application.Audiences;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Paging;
import nl.bdss.security.CurrentClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NZa yearly monitor (R20) as JSON or CSV; {@code /monitor.html} prints it. An insurer is not shown the figures
 * that rest on one or two contracts of other parties: null and {@code "suppressed": true}, in the CSV an empty value
 * ({@link NzaMonitor#shownTo}). For a closed year the charged amounts as closed and the later corrections beside
 * them ({@link MonitorView}, and rows {@code closedAt}, {@code sectorChargedAtCloseCents},
 * {@code sectorLaterCorrectionsCents} in the CSV).
 */
@RestController
class MonitorController {

    private final MonitorQuery monitor;
    private final Audiences audiences;

    MonitorController(MonitorQuery monitor, Audiences audiences) {
        this.monitor = monitor;
        this.audiences = audiences;
    }

    @GetMapping("/api/v1/monitor")
    ResponseEntity<?> monitor(@RequestParam int year, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        ShownMonitor shown = monitor.ofYear(Paging.year(year),
                audiences.of(CurrentClient.insurerRestriction().orElse(null)));
        if (!Csv.wanted(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(MonitorView.of(shown));
        }
        Csv csv = new Csv("year", "measure", "sector", "value");
        shown.rows().forEach(row -> csv.row(row.toArray()));
        return csv.response("nza-monitor-" + year + ".csv");
    }
}
