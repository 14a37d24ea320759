package nl.bdss.settlement.settling.domain;

import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.Period;

/**
 * A decision to book one entry: a lump sum for a period that became due, or a correction (positive or negative)
 * of an earlier lump sum whose allocation changed. {@code correctsEntryKey} is null for a lump sum.
 * {@code bookingYear} is the year it is booked in ({@link ClosedYears#bookingYearOf}); its service year is the year
 * its period belongs to ({@link #serviceYear()}). {@code instalment} the part of the period it pays under a payment
 * schedule (null for the whole period). {@code vat} the payee's VAT treatment the contract states and
 * {@code vatCents} the VAT part of the amount (both null when the contract states none, R10).
 */
public record Booking(String entryKey, EntryKind kind, String correctsEntryKey, SettlementTarget target, Period period,
        String payeePartyKey, long amountCents, int allocationVersion, int bookingYear, Period instalment, Vat vat,
        Long vatCents) {

    /** A booking of a whole period without a VAT statement. */
    public Booking(String entryKey, EntryKind kind, String correctsEntryKey, SettlementTarget target, Period period,
            String payeePartyKey, long amountCents, int allocationVersion, int bookingYear) {
        this(entryKey, kind, correctsEntryKey, target, period, payeePartyKey, amountCents, allocationVersion, bookingYear,
                null, null, null);
    }

    /** A booking while its service year is open: booked in that year. */
    public Booking(String entryKey, EntryKind kind, String correctsEntryKey, SettlementTarget target, Period period,
            String payeePartyKey, long amountCents, int allocationVersion) {
        this(entryKey, kind, correctsEntryKey, target, period, payeePartyKey, amountCents, allocationVersion,
                period.year());
    }

    public Booking {
        if (bookingYear < period.year()) {
            throw new IllegalArgumentException("booking year " + bookingYear + " lies before the service year "
                    + period.year() + " of " + entryKey);
        }
        if ((kind == EntryKind.LUMP_SUM) != (correctsEntryKey == null)) {
            throw new IllegalArgumentException("a correction, and only a correction, refers to the entry it corrects");
        }
        if (kind == EntryKind.CORRECTION && amountCents == 0) {
            throw new IllegalArgumentException("a correction of zero is not a correction");
        }
        if ((instalment == null) != (target.instalmentStart() == null)
                || instalment != null && (!instalment.start().equals(target.instalmentStart()) || !instalment.liesWithin(period))) {
            throw new IllegalArgumentException("instalment " + instalment + " is not the target's within " + period);
        }
        if ((vat == null) != (vatCents == null)) {
            throw new IllegalArgumentException("a VAT part, and only a VAT part, comes with a VAT treatment (R10)");
        }
    }

    /** What the booking pays for and is due by: its instalment, else its whole period. */
    public Period duePeriod() {
        return instalment == null ? period : instalment;
    }

    /** The year the entry's period belongs to (the kernel's rule: the year it starts in). */
    public int serviceYear() {
        return period.year();
    }
}
