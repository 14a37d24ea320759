package nl.bdss.settlement.settling.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.bdss.settlement.settling.domain.Booking;
import org.springframework.stereotype.Service;

/**
 * Settles everything due on a date for every contract, one transaction per contract. Running it twice, or
 * alongside the scheduler, books nothing the second time. A dry run shows what would be booked and books nothing.
 */
@Service
public class PeriodClose {

    private final SettlementStore store;
    private final Settler settler;

    public PeriodClose(SettlementStore store, Settler settler) {
        this.store = store;
        this.settler = settler;
    }

    public List<Booking> close(LocalDate date, boolean dryRun, String by) {
        List<Booking> bookings = new ArrayList<>();
        for (SettlementStore.AllocationHeader header : store.headers()) {
            bookings.addAll(dryRun
                    ? settler.preview(header.contractId(), date)
                    : settler.settle(header.contractId(), date, "period close for " + date + " by " + by, by));
        }
        return bookings;
    }
}
