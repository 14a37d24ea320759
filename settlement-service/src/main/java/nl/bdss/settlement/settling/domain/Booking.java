package nl.bdss.settlement.settling.domain;

import nl.bdss.kernel.time.Period;

/**
 * A decision to book one entry: a lump sum for a period that became due, or a correction (positive or negative)
 * of an earlier lump sum whose allocation changed. {@code correctsEntryKey} is null for a lump sum.
 */
public record Booking(String entryKey, EntryKind kind, String correctsEntryKey, SettlementTarget target, Period period,
        String payeePartyKey, long amountCents, int allocationVersion) {

    public Booking {
        if ((kind == EntryKind.LUMP_SUM) != (correctsEntryKey == null)) {
            throw new IllegalArgumentException("a correction, and only a correction, refers to the entry it corrects");
        }
        if (kind == EntryKind.CORRECTION && amountCents == 0) {
            throw new IllegalArgumentException("a correction of zero is not a correction");
        }
    }
}
