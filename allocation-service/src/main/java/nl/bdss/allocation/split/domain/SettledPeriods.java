package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;

/**
 * Settled stays settled. A period is settled when it was allocated with lines and its due date (the kernel's
 * {@link Period#dueDate} under the contract's payment timing) is on or before today: settlement books a period
 * exactly when it falls due (its scheduler and its period close book only what is due by today), so these are the
 * periods settlement has settled or is settling now. A period that was pending (no lines) was settled by no one.
 */
public final class SettledPeriods {

    private SettledPeriods() {
    }

    public static boolean isSettled(AllocatedPeriod period, PaymentTiming timing, LocalDate today) {
        return !period.lines().isEmpty() && Period.of(period.start(), period.end()).isDueOn(today, timing);
    }

    /** The contract years (the kernel's {@link Period#year()}) holding a settled period of the allocation. */
    public static Set<Integer> years(Allocation allocation, LocalDate today) {
        Set<Integer> years = new TreeSet<>();
        for (AllocatedPeriod period : allocation.periods()) {
            if (isSettled(period, allocation.paymentTiming(), today)) {
                years.add(Period.of(period.start(), period.end()).year());
            }
        }
        return years;
    }
}
