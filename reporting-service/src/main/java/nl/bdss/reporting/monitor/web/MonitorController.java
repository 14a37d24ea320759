package nl.bdss.reporting.monitor.web;

import nl.bdss.reporting.monitor.application.MonitorQuery;
import nl.bdss.reporting.monitor.domain.NzaMonitor;
import nl.bdss.reporting.web.Csv;
import nl.bdss.reporting.web.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The NZa yearly monitor (R20) as JSON or CSV; {@code /monitor.html} prints it. */
@RestController
class MonitorController {

    private final MonitorQuery monitor;

    MonitorController(MonitorQuery monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/api/v1/monitor")
    ResponseEntity<?> monitor(@RequestParam int year, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        NzaMonitor figures = monitor.ofYear(Paging.year(year));
        if (!Csv.wanted(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
        }
        Csv csv = new Csv("year", "measure", "sector", "value");
        figures.rows().forEach(row -> csv.row(row.toArray()));
        return csv.response("nza-monitor-" + year + ".csv");
    }
}
