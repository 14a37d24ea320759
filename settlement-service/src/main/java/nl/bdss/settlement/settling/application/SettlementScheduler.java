package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.settlement.settling.domain.Booking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Settles, at a configurable interval, what has become due by the injected clock since the last run. */
@Component
@ConditionalOnProperty(name = "bdss.settlement.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class SettlementScheduler {

    private static final Logger log = LoggerFactory.getLogger(SettlementScheduler.class);

    private final PeriodClose periodClose;
    private final Clock clock;

    SettlementScheduler(PeriodClose periodClose, Clock clock) {
        this.periodClose = periodClose;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bdss.settlement.scheduler-interval-ms:60000}",
            initialDelayString = "${bdss.settlement.scheduler-interval-ms:60000}")
    void settleWhatIsDue() {
        LocalDate today = LocalDate.now(clock);
        List<Booking> booked = periodClose.close(today, false, "scheduler");
        if (!booked.isEmpty()) {
            log.info("Scheduler booked {} settlement entries due on {}", booked.size(), today);
        }
    }
}
