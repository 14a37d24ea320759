package nl.bdss.reporting.mbi.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.util.List;
import nl.bdss.reporting.privacy.domain.Audience;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MBI alerts (R21) as the caller is shown them. An operator sees every alert in full. An insurer sees every alert
 * (that a sector's load crossed the threshold of its macro budget is the instrument's public signal) but never its
 * {@code cause} (the settlement entry, allocation or upload that moved the load names another party's contract and
 * settlement keys), and not its {@code loadCents} and {@code shareBasisPoints} when the load rested on one or two
 * contracts the insurer is not a party to, or on contracts not recorded (an alert raised before they were): those
 * are null and the alert says {@code "suppressed": true}.
 */
@Service
public class AlertReadings {

    /** An alert as shown; {@code cause} left out for insurers, {@code suppressed} only when true. */
    public record AlertView(long id, String sector, int year, String basis,
            @JsonInclude(Include.ALWAYS) Long loadCents, long macroBudgetCents,
            @JsonInclude(Include.ALWAYS) Long shareBasisPoints, int thresholdBasisPoints, String cause,
            Instant raisedAt, Boolean suppressed) {
    }

    private final Alerts alerts;

    AlertReadings(Alerts alerts) {
        this.alerts = alerts;
    }

    @Transactional(readOnly = true)
    public List<AlertView> page(Integer year, int size, long offset, Audience audience) {
        return alerts.page(year, size, offset).stream().map(alert -> shown(alert, audience)).toList();
    }

    static AlertView shown(Alerts.StoredAlert alert, Audience audience) {
        if (audience.seesEverything()) {
            return new AlertView(alert.id(), alert.sector(), alert.year(), alert.basis(), alert.loadCents(),
                    alert.macroBudgetCents(), alert.shareBasisPoints(), alert.thresholdBasisPoints(), alert.cause(),
                    alert.raisedAt(), null);
        }
        boolean withheld = alert.contracts() == null || audience.withholds(alert.contracts());
        return new AlertView(alert.id(), alert.sector(), alert.year(), alert.basis(),
                withheld ? null : alert.loadCents(), alert.macroBudgetCents(),
                withheld ? null : alert.shareBasisPoints(), alert.thresholdBasisPoints(), null, alert.raisedAt(),
                withheld ? Boolean.TRUE : null);
    }
}
