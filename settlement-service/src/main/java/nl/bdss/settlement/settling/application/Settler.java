package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.settlement.ledger.domain.DoubleEntry;
import nl.bdss.settlement.ledger.domain.Posting;
import nl.bdss.settlement.settling.domain.Booking;
import nl.bdss.settlement.settling.domain.CurrentAllocation;
import nl.bdss.settlement.settling.domain.Settling;
import nl.bdss.settlement.settling.messaging.SettlementBookedMapper;
import nl.bdss.settlement.settling.persistence.SettlementRepository;
import nl.bdss.settlement.settling.persistence.SettlementRepository.AllocationHeader;
import nl.bdss.settlement.settling.persistence.SettlementRepository.NewEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles one contract on a date: decides with {@link Settling} and books every decision as an immutable entry,
 * its balanced ledger postings and a SettlementBooked event in the outbox, all in one transaction under the
 * contract's row lock. Unique business keys make a second booking of the same thing fail rather than pay twice.
 */
@Service
public class Settler {

    private final SettlementRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public Settler(SettlementRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Joins the caller's transaction (an incoming allocation) or starts one (a period close, the scheduler). */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<Booking> settle(String contractId, LocalDate date, String cause, String bookedBy) {
        AllocationHeader header = repository.lockHeader(contractId).orElse(null);
        if (header == null) {
            return List.of();
        }
        List<Booking> bookings = decide(header, date);
        Instant now = clock.instant();
        if (bookings.isEmpty()) {
            return bookings;
        }
        long sequence = repository.reserveSequences(contractId, bookings.size()) - 1;
        List<NewEntry> entries = new ArrayList<>(bookings.size());
        Map<String, List<Posting>> postings = new LinkedHashMap<>();
        List<Outbox.Message<SettlementBooked>> events = new ArrayList<>(bookings.size());
        for (Booking booking : bookings) {
            NewEntry entry = new NewEntry(UUID.randomUUID(), booking, ++sequence, UUID.randomUUID());
            entries.add(entry);
            postings.put(booking.entryKey(), DoubleEntry.settlement(booking.target().uzovi(),
                    booking.target().payeeAgb(), booking.target().sector(), booking.amountCents()));
            events.add(new Outbox.Message<>(contractId,
                    SettlementBookedMapper.toEvent(booking, entry.eventId(), now, entry.sequence(), cause)));
        }
        // Three statements for the whole run, however many bookings: entries, their postings, their events.
        repository.insertEntries(entries, cause, bookedBy, now);
        repository.insertPostings(postings, now);
        outbox.appendAll(Topics.SETTLEMENTS, events);
        return bookings;
    }

    /** What {@link #settle} would book on the date, booking nothing (dry run). */
    @Transactional(readOnly = true)
    public List<Booking> preview(String contractId, LocalDate date) {
        return repository.header(contractId)
                .map(h -> decide(h, date))
                .orElse(List.of());
    }

    private List<Booking> decide(AllocationHeader header, LocalDate date) {
        return repository.currentAllocation(header)
                .map((CurrentAllocation allocation) -> Settling.decide(allocation,
                        repository.bookedEntries(header.contractId()), date))
                .orElse(List.of());
    }
}
