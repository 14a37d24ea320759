package nl.bdss.settlement.settling.application;

import java.time.Instant;
import java.util.List;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.settlement.settling.application.SettlementStore.NewEntry;

/** Announces booked entries to the other services, published if and only if the booking commits. */
public interface BookingAnnouncements {

    /**
     * One announcement per entry, in the given (sequence) order, keyed by the contract, naming the contract's
     * reference (null when none is known) and each entry's due date under {@code timing}.
     */
    void announce(String contractId, String contractReference, PaymentTiming timing, List<NewEntry> entries,
            String cause, Instant bookedAt);
}
