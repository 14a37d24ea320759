package nl.bdss.settlement.settling.domain;

import nl.bdss.kernel.time.Period;

/**
 * A settlement entry already booked for a target (read back to decide what is still to book): {@code instalment} null
 * for a whole period, {@code vatCents} null without a VAT statement.
 */
public record BookedEntry(String entryKey, EntryKind kind, SettlementTarget target, Period period, String payeePartyKey,
        long amountCents, Period instalment, Long vatCents) {

    /** An entry of a whole period without a VAT part. */
    public BookedEntry(String entryKey, EntryKind kind, SettlementTarget target, Period period, String payeePartyKey,
            long amountCents) {
        this(entryKey, kind, target, period, payeePartyKey, amountCents, null, null);
    }
}
