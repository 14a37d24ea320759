package nl.bdss.reporting.mbi.web;

import java.util.List;
import nl.bdss.reporting.mbi.application.Alerts;
import nl.bdss.reporting.mbi.application.Alerts.AlertView;
import nl.bdss.reporting.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The MBI alerts (R21): one per upward crossing of the threshold, newest first. */
@RestController
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/v1/alerts")
    List<AlertView> alerts(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return alerts.page(year == null ? null : Paging.year(year), Paging.size(size), (long) Paging.page(page) * size);
    }
}
