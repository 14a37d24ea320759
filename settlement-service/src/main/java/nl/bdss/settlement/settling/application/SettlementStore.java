package nl.bdss.settlement.settling.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;
import nl.bdss.settlement.settling.domain.BookedEntry;
import nl.bdss.settlement.settling.domain.Booking;
import nl.bdss.settlement.settling.domain.ClosedYears;
import nl.bdss.settlement.settling.domain.CurrentAllocation;

/** Where the current allocations and the (immutable) settlement entries are kept. */
public interface SettlementStore {

    /**
     * The applied allocation version of a contract; its row is the contract's lock against concurrent settling.
     * {@code paysCompleteYears}: the allocation had per-year shares, its complete years are payable even when its
     * status is PENDING.
     */
    /**
     * {@code contractReference}: the contract's own reference, null when no allocation named one; {@code schedule}
     * how each period is paid.
     */
    record AllocationHeader(String contractId, int allocationVersion, String status, LocalDate validFrom,
            LocalDate validUntil, PaymentTiming timing, boolean paysCompleteYears, String contractReference,
            PaymentSchedule schedule) {
    }

    /** The header, locking the contract for the rest of the transaction. */
    Optional<AllocationHeader> lockHeader(String contractId);

    Optional<AllocationHeader> header(String contractId);

    /** Every contract's header, ordered by contract id. */
    List<AllocationHeader> headers();

    /** Makes the allocation the contract's applied one (COMPLETE or PENDING). */
    void saveHeader(AllocationReceived allocation, Instant appliedAt);

    /**
     * Replaces the contract's payable lines by the allocation's, keeping those of {@code keptYears} (years pending on
     * their own) that lie within the {@code validity}.
     */
    void replaceLines(String contractId, List<AllocatedPeriod> periods, Set<Integer> keptYears, Period validity);

    /** Replaces the VAT treatments the contract states per payee AGB code (R10). */
    void savePayeeVat(String contractId, Map<String, Vat> payeeVat);

    /** Replaces the contract's years pending on their own (year to reason). */
    void savePendingYears(String contractId, Map<Integer, String> pendingYears);

    /**
     * The service years closed so far, read under a lock shared by every booking and taken exclusively by a year
     * close: until the booking transaction ends no year is closed, and a close waits for the bookings in flight.
     */
    ClosedYears closedYearsForBooking();

    /**
     * The current allocation of a contract with its pending years, unless it is wholly PENDING (an allocation without
     * per-year shares: then nothing is payable).
     */
    Optional<CurrentAllocation> currentAllocation(AllocationHeader header);

    /** The contract's entries in booking order. */
    List<BookedEntry> bookedEntries(String contractId);

    /** Reserves {@code count} consecutive entry sequence numbers of the contract; answers the first. */
    long reserveSequences(String contractId, int count);

    /** A booking about to be stored: its entry id, sequence number and the id of the event announcing it. */
    record NewEntry(UUID id, Booking booking, long sequence, UUID eventId) {
    }

    /**
     * Stores the entries of one settling run of a contract, booked at the same moment for the same cause under the
     * allocation's payment timing.
     */
    void insertEntries(List<NewEntry> entries, PaymentTiming timing, String cause, String bookedBy, Instant bookedAt);
}
