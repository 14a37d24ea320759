package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bdss.settlement.ledger.application.LedgerPostings;
import nl.bdss.settlement.ledger.domain.DoubleEntry;
import nl.bdss.settlement.ledger.domain.Posting;
import nl.bdss.settlement.settling.application.SettlementStore.AllocationHeader;
import nl.bdss.settlement.settling.application.SettlementStore.NewEntry;
import nl.bdss.settlement.settling.domain.Booking;
import nl.bdss.settlement.settling.domain.ClosedYears;
import nl.bdss.settlement.settling.domain.Settling;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles one contract on a date: decides with {@link Settling} and books every decision as an immutable entry,
 * its balanced ledger postings and a SettlementBooked announcement, all in one transaction under the contract's row
 * lock. Unique business keys make a second booking of the same thing fail rather than pay twice. Each entry is
 * booked in its booking year, by the closed years read under the lock a year close takes exclusively.
 */
@Service
public class Settler {

    private final SettlementStore store;
    private final LedgerPostings ledger;
    private final BookingAnnouncements announcements;
    private final Clock clock;

    public Settler(SettlementStore store, LedgerPostings ledger, BookingAnnouncements announcements, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Joins the caller's transaction (an incoming allocation) or starts one (a period close, the scheduler). */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<Booking> settle(String contractId, LocalDate date, String cause, String bookedBy) {
        AllocationHeader header = store.lockHeader(contractId).orElse(null);
        if (header == null) {
            return List.of();
        }
        // under the lock shared with a year close: the closed years cannot change until this booking commits
        List<Booking> bookings = decide(header, date, store.closedYearsForBooking());
        if (bookings.isEmpty()) {
            return bookings;
        }
        Instant now = clock.instant();
        long sequence = store.reserveSequences(contractId, bookings.size()) - 1;
        List<NewEntry> entries = new ArrayList<>(bookings.size());
        Map<String, List<Posting>> postings = new LinkedHashMap<>();
        Map<String, Integer> bookingYears = new LinkedHashMap<>();
        for (Booking booking : bookings) {
            entries.add(new NewEntry(UUID.randomUUID(), booking, ++sequence, UUID.randomUUID()));
            postings.put(booking.entryKey(), DoubleEntry.settlement(booking.target().uzovi(),
                    booking.target().payeeAgb(), booking.target().sector(), booking.serviceYear(),
                    booking.amountCents(), booking.vatCents() == null ? 0 : booking.vatCents()));
            bookingYears.put(booking.entryKey(), booking.bookingYear());
        }
        // Three statements for the whole run, however many bookings: entries, their postings, their events.
        store.insertEntries(entries, header.timing(), cause, bookedBy, now);
        ledger.post(postings, bookingYears, now);
        announcements.announce(contractId, header.contractReference(), header.timing(), entries, cause, now);
        return bookings;
    }

    /** What {@link #settle} would book on the date, booking nothing (dry run). */
    @Transactional(readOnly = true)
    public List<Booking> preview(String contractId, LocalDate date) {
        return store.header(contractId).map(header -> decide(header, date, store.closedYearsForBooking()))
                .orElse(List.of());
    }

    private List<Booking> decide(AllocationHeader header, LocalDate date, ClosedYears closed) {
        return store.currentAllocation(header)
                .map(allocation -> Settling.decide(allocation, store.bookedEntries(header.contractId()), date, closed))
                .orElse(List.of());
    }
}
