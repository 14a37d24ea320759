package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.settling.domain.Booking;
import org.springframework.stereotype.Service;

/**
 * Settles everything due on a date for every contract, one transaction per contract. Running it twice, or
 * alongside the scheduler, books nothing the second time. A dry run shows what would be booked on any date and
 * books nothing; a real close books only what is due by today (by the clock), never a period before it is due (R8).
 */
@Service
public class PeriodClose {

    private final SettlementStore store;
    private final Settler settler;
    private final Clock clock;

    public PeriodClose(SettlementStore store, Settler settler, Clock clock) {
        this.store = store;
        this.settler = settler;
        this.clock = clock;
    }

    public List<Booking> close(LocalDate date, boolean dryRun, String by) {
        LocalDate today = LocalDate.now(clock);
        if (!dryRun && date.isAfter(today)) {
            throw Refusal.ruleViolated("date", "R8", "date " + date + " lies after today " + today
                    + ": a period close books only what is due by today, nothing before it is due (R8); a dry run"
                    + " shows what a later date would book");
        }
        List<Booking> bookings = new ArrayList<>();
        for (SettlementStore.AllocationHeader header : store.headers()) {
            bookings.addAll(dryRun
                    ? settler.preview(header.contractId(), date)
                    : settler.settle(header.contractId(), date, "period close for " + date + " by " + by, by));
        }
        return bookings;
    }
}
