package nl.bdss.reporting.mbi.web;

import java.util.List;
import nl.bdss.reporting.mbi.application.AlertReadings;
import nl.bdss.reporting.mbi.application.AlertReadings.AlertView;
import nl.bdss.reporting.privacy.application.Audiences;
import nl.bdss.reporting.web.Paging;
import nl.bdss.security.CurrentClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MBI alerts (R21): one per upward crossing of the threshold, newest first. Insurers get no {@code cause} and no
 * load that rests on one or two contracts of other parties ({@link AlertReadings}).
 */
@RestController
class AlertController {

    private final AlertReadings alerts;
    private final Audiences audiences;

    AlertController(AlertReadings alerts, Audiences audiences) {
        this.alerts = alerts;
        this.audiences = audiences;
    }

    @GetMapping("/api/v1/alerts")
    List<AlertView> alerts(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return alerts.page(year == null ? null : Paging.year(year), Paging.size(size), (long) Paging.page(page) * size,
                audiences.of(CurrentClient.insurerRestriction().orElse(null)));
    }
}
