package nl.bdss.settlement.ledger.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.bdss.settlement.ledger.domain.Posting;

/** Where bookings' postings are stored: append-only, in the caller's transaction. */
public interface LedgerPostings {

    /** The postings of several bookings (booking reference to its balanced postings), all at once. */
    void post(Map<String, List<Posting>> postingsByBooking, Instant postedAt);
}
