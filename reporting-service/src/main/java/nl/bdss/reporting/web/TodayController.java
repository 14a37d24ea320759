package nl.bdss.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's today, from its clock, as a Dutch calendar day: the dashboard and the printable monitor open on its
 * year when the address names none, so every page and figure follows the one clock of the service.
 */
@RestController
class TodayController {

    static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    record Today(LocalDate date, int year) {
    }

    private final Clock clock;

    TodayController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/api/v1/today")
    Today today() {
        LocalDate date = LocalDate.ofInstant(clock.instant(), NETHERLANDS);
        return new Today(date, date.getYear());
    }
}
