package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentSchedule.Instalment;
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
 * <p>
 * Under a payment schedule each line is paid in instalments ({@link PaymentSchedule#instalments}: exact shares of the
 * line by the largest-remainder method): every instalment is a target of its own, booked when it is due and corrected
 * like a whole period; the entries keep their budget period. A payee's VAT part (R10) is that of the amount for a
 * lump sum and, for a correction, what brings the VAT parts of its target to the VAT part of the corrected total
 * ({@link Vat#correctionPart}), so the parts always add up to the VAT of what is owed.
 */
public final class Settling {

    private static final Comparator<Booking> ORDER = Comparator
            .comparing((Booking b) -> b.target().periodStart())
            .thenComparing(b -> b.duePeriod().start())
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
            for (PayableLine line : period.lines()) {
                Vat vat = allocation.vatOf(line.target().payeeAgb());
                for (Instalment part : allocation.schedule().instalments(period.period(), line.amountCents())) {
                    Period instalment = allocation.schedule() == PaymentSchedule.PER_PERIOD ? null : part.period();
                    SettlementTarget target = instalment == null ? line.target()
                            : line.target().instalment(instalment.start());
                    allocated.add(target);
                    List<BookedEntry> entries = bookedByTarget.getOrDefault(target, List.of());
                    if (entries.isEmpty()) {
                        if (part.period().isDueOn(date, allocation.timing()) && part.amountCents() > 0) {
                            bookings.add(new Booking(target.lumpSumKey(), EntryKind.LUMP_SUM, null, target,
                                    period.period(), line.payeePartyKey(), part.amountCents(),
                                    allocation.allocationVersion(), closed.bookingYearOf(period.period().year()),
                                    instalment, vat, vat == null ? null : vat.partOf(part.amountCents())));
                        }
                    } else {
                        correction(target, period.period(), instalment, line.payeePartyKey(), part.amountCents(), entries,
                                allocation.allocationVersion(), closed, vat).ifPresent(bookings::add);
                    }
                }
            }
        }
        bookedByTarget.forEach((target, entries) -> {
            if (!allocated.contains(target)) {
                BookedEntry original = lumpSumOf(entries);
                if (!allocation.isPending(original.period())) {
                    correction(target, original.period(), original.instalment(), original.payeePartyKey(), 0, entries,
                            allocation.allocationVersion(), closed, allocation.vatOf(target.payeeAgb()))
                            .ifPresent(bookings::add);
                }
            }
        });
        bookings.sort(ORDER);
        return List.copyOf(bookings);
    }

    private static Optional<Booking> correction(SettlementTarget target, Period period, Period instalment,
            String payeePartyKey, long allocatedCents, List<BookedEntry> entries, int allocationVersion,
            ClosedYears closed, Vat vat) {
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
        long bookedVat = entries.stream().map(BookedEntry::vatCents).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum();
        return Optional.of(new Booking(key, EntryKind.CORRECTION, lumpSumOf(entries).entryKey(), target, period,
                payeePartyKey == null ? target.payeeAgb() : payeePartyKey, difference, allocationVersion,
                closed.bookingYearOf(period.year()), instalment, vat,
                vat == null ? null : vat.correctionPart(allocatedCents, bookedVat)));
    }

    private static BookedEntry lumpSumOf(List<BookedEntry> entries) {
        return entries.stream().filter(e -> e.kind() == EntryKind.LUMP_SUM).findFirst()
                .orElseThrow(() -> new IllegalStateException("corrections without a lump sum: " + entries));
    }
}
