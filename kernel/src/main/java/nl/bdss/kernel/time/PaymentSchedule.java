package nl.bdss.kernel.time;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.kernel.money.LargestRemainder;

/**
 * How a budget period's lump sum is paid (issue 16): in one amount for the period ({@link #PER_PERIOD}, the default),
 * or in instalments per calendar quarter or month. The budget period stays what the contract agrees and the NZa
 * monitor reports; an instalment is only when (part of) its amount is due.
 * <p>
 * An instalment is the part of a calendar month (or quarter) that lies within the budget period, so a budget period
 * shortened by a contract's start, end or termination has instalments only for its own days. Each instalment's share
 * is its covered fraction of its calendar month (or quarter): the whole ones weigh the same, however many days they
 * have, and a partial one weighs its covered days over its days. The period's amount is divided by the largest
 * remainder on those exact fractions, so the instalments add up to the period's amount to the cent, earlier
 * instalments winning a tie.
 */
public enum PaymentSchedule {
    PER_PERIOD(null), QUARTERLY(PeriodKind.QUARTER), MONTHLY(PeriodKind.MONTH);

    private final PeriodKind instalment;

    PaymentSchedule(PeriodKind instalment) {
        this.instalment = instalment;
    }

    /** One instalment: the days it pays for and its exact part of the budget period's amount. */
    public record Instalment(Period period, long amountCents) {
    }

    /** The calendar period of one instalment; empty for {@link #PER_PERIOD}. */
    public Optional<PeriodKind> instalmentKind() {
        return Optional.ofNullable(instalment);
    }

    /**
     * Whether this schedule can pay a lump sum agreed per {@code budgetPeriod}: instalments must be shorter than the
     * budget period (a yearly sum quarterly or monthly, a quarterly one monthly). One payment per period always can.
     */
    public boolean fits(PeriodKind budgetPeriod) {
        return instalment == null || instalment.months() < budgetPeriod.months();
    }

    /**
     * The instalments of {@code amountCents} agreed for the budget period {@code budgetPeriod} (the part of it the
     * contract covers), in date order; one instalment of the whole amount for {@link #PER_PERIOD}. A negative amount
     * (a correction) is split as its magnitude and every part takes its sign.
     */
    public List<Instalment> instalments(Period budgetPeriod, long amountCents) {
        if (instalment == null) {
            return List.of(new Instalment(budgetPeriod, amountCents));
        }
        List<CalendarPeriod> grid = instalment.grid(budgetPeriod);
        // the common multiple of the instalments' lengths turns every covered fraction into a whole weight
        long common = 1;
        for (CalendarPeriod part : grid) {
            common = lcm(common, part.daysInPeriod());
        }
        List<LargestRemainder.Claim<Period>> claims = new ArrayList<>(grid.size());
        for (CalendarPeriod part : grid) {
            claims.add(new LargestRemainder.Claim<>(part.covered(), part.coveredDays() * (common / part.daysInPeriod())));
        }
        Map<Period, Long> parts = LargestRemainder.splitSigned(amountCents, claims);
        List<Instalment> instalments = new ArrayList<>(parts.size());
        parts.forEach((period, cents) -> instalments.add(new Instalment(period, cents)));
        return List.copyOf(instalments);
    }

    private static long lcm(long a, long b) {
        return a / BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValueExact() * b;
    }
}
