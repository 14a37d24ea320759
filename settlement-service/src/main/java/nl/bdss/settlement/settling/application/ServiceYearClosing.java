package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.settling.domain.ClosedServiceYear;
import nl.bdss.settlement.settling.domain.YearClose;
import nl.bdss.settlement.settling.domain.YearTotal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a service year (R17), or (dry run) shows its figures per insurer and sector and what blocks the close,
 * storing nothing. A real close refuses a year that has not ended by today (the service clock) and a year with
 * entries due by today not booked yet (422, R17), and a year already closed (409); it stores the year with its
 * totals, who closed it, when and why, and announces ServiceYearClosed through the outbox, all in one transaction
 * holding the lock every booking shares: bookings in flight finish first, later ones see the year closed and book
 * its entries in the first open year after it. Two closes at once: the second waits, then finds the year closed.
 */
@Service
public class ServiceYearClosing {

    private final ServiceYearBook book;
    private final SettlementStore store;
    private final Settler settler;
    private final ServiceYearAnnouncements announcements;
    private final Clock clock;

    public ServiceYearClosing(ServiceYearBook book, SettlementStore store, Settler settler,
            ServiceYearAnnouncements announcements, Clock clock) {
        this.book = book;
        this.store = store;
        this.settler = settler;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** What a close of the year found: its figures, what blocks it, and for a real close who closed it and when. */
    public record Outcome(int year, boolean dryRun, boolean closed, List<YearTotal> totals,
            List<YearClose.Blocker> blockers, String closedBy, Instant closedAt, String reason) {
    }

    @Transactional
    public Outcome close(int year, boolean dryRun, String by, String reason) {
        if (!dryRun) {
            book.lockAgainstBooking();
        }
        if (book.closed(year).isPresent()) {
            throw Refusal.conflict("service-year-closed", "Service year already closed",
                    "service year " + year + " is already closed; entries for its periods are booked in the first"
                            + " open year after it");
        }
        LocalDate today = LocalDate.now(clock);
        List<YearTotal> totals = book.totalsOf(year);
        List<YearClose.Blocker> blockers = YearClose.blockers(year, today, dueNotBooked(year, today));
        if (dryRun) {
            return new Outcome(year, true, false, totals, blockers, null, null, reason);
        }
        if (!blockers.isEmpty()) {
            throw Refusal.rulesViolated(blockers.stream()
                    .map(b -> new Refusal.Violation(b.field(), b.rule(), b.message())).toList());
        }
        ClosedServiceYear closed = new ClosedServiceYear(year, by, clock.instant(), reason, totals);
        UUID eventId = UUID.randomUUID();
        book.save(closed, eventId);
        announcements.announce(closed, eventId);
        return new Outcome(year, false, true, totals, blockers, by, closed.closedAt(), reason);
    }

    @Transactional(readOnly = true)
    public List<ClosedServiceYear> closedYears() {
        return book.closedYears();
    }

    /** How many entries of the year a period close on today would still book, over every contract. */
    private int dueNotBooked(int year, LocalDate today) {
        int count = 0;
        for (SettlementStore.AllocationHeader header : store.headers()) {
            count += (int) settler.preview(header.contractId(), today).stream()
                    .filter(booking -> booking.serviceYear() == year).count();
        }
        return count;
    }
}
