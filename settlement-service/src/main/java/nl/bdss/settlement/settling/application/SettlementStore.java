package nl.bdss.settlement.settling.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;
import nl.bdss.settlement.settling.domain.BookedEntry;
import nl.bdss.settlement.settling.domain.Booking;
import nl.bdss.settlement.settling.domain.CurrentAllocation;

/** Where the current allocations and the (immutable) settlement entries are kept. */
public interface SettlementStore {

    /** The applied allocation version of a contract; its row is the contract's lock against concurrent settling. */
    record AllocationHeader(String contractId, int allocationVersion, String status, LocalDate validFrom,
            LocalDate validUntil, PaymentTiming timing) {
    }

    /** The header, locking the contract for the rest of the transaction. */
    Optional<AllocationHeader> lockHeader(String contractId);

    Optional<AllocationHeader> header(String contractId);

    /** Every contract's header, ordered by contract id. */
    List<AllocationHeader> headers();

    /** Makes the allocation the contract's applied one (COMPLETE or PENDING). */
    void saveHeader(AllocationReceived allocation, Instant appliedAt);

    /** Replaces the contract's payable lines by the allocation's. */
    void replaceLines(String contractId, List<AllocatedPeriod> periods);

    /** The current allocation of a contract, unless it is PENDING (then nothing is payable). */
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
