package nl.bdss.settlement.settling.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.settling.domain.ClosedServiceYear;
import nl.bdss.settlement.settling.domain.YearTotal;

/** Where closed service years are kept, and the figures of a year read from its entries. */
public interface ServiceYearBook {

    /**
     * Takes, until the transaction ends, the lock every booking holds shared (see
     * {@link SettlementStore#closedYearsForBooking()}): waits for the bookings in flight and holds new ones back.
     */
    void lockAgainstBooking();

    Optional<ClosedServiceYear> closed(int year);

    /** Every closed year, oldest first. */
    List<ClosedServiceYear> closedYears();

    /** The entries of service year {@code year} booked in it, per insurer and sector, ordered by insurer and sector. */
    List<YearTotal> totalsOf(int year);

    /** Stores the closed year with its totals; fails on a year already stored (the primary key). */
    void save(ClosedServiceYear closed, UUID eventId);
}
