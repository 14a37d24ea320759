package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.bdss.kernel.time.Period;

/**
 * The corrections a new allocation would cause against the current one (R8): per payable Zvw line, keyed as
 * settlement keys its entries (period start, insurer, sector, payee AGB), the proposed amount minus the current
 * amount, only where they differ. Lines of other domains are recorded and never paid (R7): they cause no correction.
 * A pending contract year causes none for the periods the proposal leaves out (its periods not yet settled):
 * settlement books nothing for them until the year's counts arrive. A current year that is pending has no lines
 * for those periods, so every proposed line there is a correction of its whole amount.
 */
public final class Corrections {

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::periodStart)
            .thenComparing(Key::uzovi, TEXT).thenComparing(Key::sector, TEXT).thenComparing(Key::payeeAgb, TEXT);

    private Corrections() {
    }

    public static List<Correction> between(Allocation current, Allocation proposed) {
        if (proposed.status() == AllocationStatus.PENDING && proposed.yearShares().isEmpty()) {
            return List.of();
        }
        Set<Integer> pendingYears = proposed.yearShares().stream().filter(YearShares::pending).map(YearShares::year)
                .collect(Collectors.toSet());
        Set<LocalDate> proposedStarts = proposed.periods().stream().map(AllocatedPeriod::start).collect(Collectors.toSet());
        Predicate<AllocatedPeriod> leftOut = period -> pendingYears.contains(Period.of(period.start(), period.end()).year())
                && !proposedStarts.contains(period.start());
        Map<Key, long[]> amounts = new TreeMap<>(ORDER);
        Map<Key, LocalDate> ends = new TreeMap<>(ORDER);
        add(current, leftOut, amounts, ends, -1);
        add(proposed, leftOut, amounts, ends, 1);
        List<Correction> corrections = new ArrayList<>();
        amounts.forEach((key, delta) -> {
            if (delta[0] != 0) {
                corrections.add(new Correction(key.periodStart(), ends.get(key), key.uzovi(), key.sector(), key.payeeAgb(),
                        delta[0]));
            }
        });
        return List.copyOf(corrections);
    }

    /** Adds the allocation's paid lines with the sign; the proposed period's end wins over the current one's. */
    private static void add(Allocation allocation, Predicate<AllocatedPeriod> leftOut, Map<Key, long[]> amounts,
            Map<Key, LocalDate> ends, int sign) {
        for (AllocatedPeriod period : allocation.periods()) {
            if (leftOut.test(period)) {
                continue;
            }
            for (AllocationLine line : period.lines()) {
                if (line.domain() != LegalDomain.ZVW || line.uzovi() == null) {
                    continue;
                }
                Key key = new Key(period.start(), line.uzovi(), line.sector(), line.payeeAgb());
                long[] amount = amounts.computeIfAbsent(key, k -> new long[1]);
                amount[0] = Math.addExact(amount[0], sign * line.amountCents());
                ends.put(key, period.end());
            }
        }
    }

    private record Key(LocalDate periodStart, String uzovi, String sector, String payeeAgb) {
    }
}
