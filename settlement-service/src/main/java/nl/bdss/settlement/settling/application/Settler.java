package nl.bdss.settlement.settling.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.settlement.ledger.domain.DoubleEntry;
import nl.bdss.settlement.settling.domain.Booking;
import nl.bdss.settlement.settling.domain.CurrentAllocation;
import nl.bdss.settlement.settling.domain.Settling;
import nl.bdss.settlement.settling.messaging.SettlementBookedMapper;
import nl.bdss.settlement.settling.persistence.SettlementRepository;
import nl.bdss.settlement.settling.persistence.SettlementRepository.AllocationHeader;
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
        long sequence = bookings.isEmpty() ? 0 : repository.reserveSequences(contractId, bookings.size()) - 1;
        for (Booking booking : bookings) {
            sequence++;
            UUID entryId = UUID.randomUUID();
            UUID eventId = UUID.randomUUID();
            repository.insertEntry(entryId, booking, sequence, cause, bookedBy, now, eventId);
            repository.insertPostings(booking.entryKey(), DoubleEntry.settlement(booking.target().uzovi(),
                    booking.target().payeeAgb(), booking.target().sector(), booking.amountCents()), now);
            outbox.append(Topics.SETTLEMENTS, contractId,
                    SettlementBookedMapper.toEvent(booking, eventId, now, sequence, cause));
        }
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
