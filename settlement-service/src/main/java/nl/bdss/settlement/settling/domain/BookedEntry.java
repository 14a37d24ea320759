package nl.bdss.settlement.settling.domain;

import nl.bdss.kernel.time.Period;

/** A settlement entry already booked for a target (read back to decide what is still to book). */
public record BookedEntry(String entryKey, EntryKind kind, SettlementTarget target, Period period, String payeePartyKey,
        long amountCents) {
}
