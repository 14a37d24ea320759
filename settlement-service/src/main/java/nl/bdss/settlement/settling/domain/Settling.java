package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.bdss.kernel.time.Period;

/**
 * Decides what to book for one contract on a date, from its current allocation and what is already booked.
 * <ul>
 *   <li>A target (contract, period, insurer, payee, sector) whose period is due and that has no lump sum yet gets
 *       one LUMP_SUM entry of the allocated amount (R8: one amount per period, never per insured).</li>
 *   <li>A target already booked whose allocated amount differs from the net of its entries gets one CORRECTION
 *       of the difference, referring to the lump sum; a target that disappeared from the allocation (a removed
 *       line, a period after a termination) is credited in full. A shortened last period (termination) carries
 *       its pro-rata amount in the allocation, so the difference is the pro-rata credit.</li>
 * </ul>
 * Booked entries are never changed. Deciding again after booking the result yields nothing: settling is
 * idempotent, whether triggered by a redelivered event, the scheduler or a repeated period close.
 * A pending year's periods (counts missing) are left exactly as they are: no lump sum, no correction, no credit.
 * Every booking carries its booking year: its service year while that is open, else the first open year after it.
 */
public final class Settling {

    private static final Comparator<Booking> ORDER = Comparator
            .comparing((Booking b) -> b.target().periodStart())
            .thenComparing(b -> b.target().uzovi())
            .thenComparing(b -> b.target().payeeAgb())
            .thenComparing(b -> b.target().sector())
            .thenComparing(Booking::kind);

    private Settling() {
    }

    /** With every year open. */
    public static List<Booking> decide(CurrentAllocation allocation, List<BookedEntry> booked, LocalDate date) {
        return decide(allocation, booked, date, ClosedYears.NONE);
    }

    public static List<Booking> decide(CurrentAllocation allocation, List<BookedEntry> booked, LocalDate date,
            ClosedYears closed) {
        Map<SettlementTarget, List<BookedEntry>> bookedByTarget = new LinkedHashMap<>();
        for (BookedEntry entry : booked) {
            if (!entry.target().contractId().equals(allocation.contractId())) {
                throw new IllegalArgumentException("entry " + entry.entryKey() + " belongs to another contract");
            }
            bookedByTarget.computeIfAbsent(entry.target(), t -> new ArrayList<>()).add(entry);
        }
        List<Booking> bookings = new ArrayList<>();
        Set<SettlementTarget> allocated = new HashSet<>();
        for (AllocatedPeriod period : allocation.periods()) {
            if (allocation.isPending(period.period())) {
                continue;
            }
            boolean due = period.period().isDueOn(date, allocation.timing());
            for (PayableLine line : period.lines()) {
                allocated.add(line.target());
                List<BookedEntry> entries = bookedByTarget.getOrDefault(line.target(), List.of());
                if (entries.isEmpty()) {
                    if (due && line.amountCents() > 0) {
                        bookings.add(new Booking(line.target().lumpSumKey(), EntryKind.LUMP_SUM, null, line.target(),
                                period.period(), line.payeePartyKey(), line.amountCents(), allocation.allocationVersion(),
                                closed.bookingYearOf(period.period().year())));
                    }
                } else {
                    correction(line.target(), period.period(), line.payeePartyKey(), line.amountCents(), entries,
                            allocation.allocationVersion(), closed).ifPresent(bookings::add);
                }
            }
        }
        bookedByTarget.forEach((target, entries) -> {
            if (!allocated.contains(target)) {
                BookedEntry original = lumpSumOf(entries);
                if (!allocation.isPending(original.period())) {
                    correction(target, original.period(), original.payeePartyKey(), 0, entries,
                            allocation.allocationVersion(), closed).ifPresent(bookings::add);
                }
            }
        });
        bookings.sort(ORDER);
        return List.copyOf(bookings);
    }

    private static Optional<Booking> correction(SettlementTarget target, Period period, String payeePartyKey,
            long allocatedCents, List<BookedEntry> entries, int allocationVersion, ClosedYears closed) {
        long net = entries.stream().mapToLong(BookedEntry::amountCents).sum();
        long difference = allocatedCents - net;
        if (difference == 0) {
            return Optional.empty();
        }
        String key = target.correctionKey(allocationVersion);
        if (entries.stream().anyMatch(e -> e.entryKey().equals(key))) {
            throw new IllegalStateException("allocation version " + allocationVersion + " already corrected " + key
                    + " yet the net " + net + " differs from " + allocatedCents);
        }
        return Optional.of(new Booking(key, EntryKind.CORRECTION, lumpSumOf(entries).entryKey(), target, period,
                payeePartyKey == null ? target.payeeAgb() : payeePartyKey, difference, allocationVersion,
                closed.bookingYearOf(period.year())));
    }

    private static BookedEntry lumpSumOf(List<BookedEntry> entries) {
        return entries.stream().filter(e -> e.kind() == EntryKind.LUMP_SUM).findFirst()
                .orElseThrow(() -> new IllegalStateException("corrections without a lump sum: " + entries));
    }
}
