package nl.bdss.settlement.ledger.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.bdss.settlement.ledger.domain.Posting;

/** Where bookings' postings are stored: append-only, in the caller's transaction. */
public interface LedgerPostings {

    /** The postings of several bookings (booking reference to its balanced postings), all at once. */
    default void post(Map<String, List<Posting>> postingsByBooking, Instant postedAt) {
        post(postingsByBooking, Map.of(), postedAt);
    }

    /**
     * The same, each booking in the year it is booked in ({@code bookingYears} by booking reference; a booking
     * without one, such as a payment, has no booking year).
     */
    void post(Map<String, List<Posting>> postingsByBooking, Map<String, Integer> bookingYears, Instant postedAt);
}
