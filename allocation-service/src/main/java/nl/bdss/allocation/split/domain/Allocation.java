package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/**
 * The result for one contract version: every period's lines, the market shares per contract year and the
 * warnings. Publishing one after another tells a consumer nothing new exactly when {@link #sameAs} holds.
 *
 * <p>Per contract year ({@code yearShares}, coordinated purchasing only; empty for a single insurer, whose one share
 * needs no counts): a year whose counts are missing is PENDING on its own and its periods not yet settled are left
 * out of {@code periods}; the allocation is PENDING when any year is, {@code pendingReason} naming the years and
 * dates, else COMPLETE. {@code referenceDate}, {@code marketShares}, {@code unfundedInsuredCount} and
 * {@code serviceAreaCounts} are the first contract year's. {@code marketShareBasis} is the contract's basis (null for
 * single purchasing); {@code unfundedInsuredCount} the non-participating insureds whose part stays unfunded under the
 * "all insurers" basis (R11). {@code serviceAreaCounts} are the counts per participating insurer and service-area
 * postcode behind the shares (R11, R19); they take part in the equality, so a delivery that moves insureds between
 * postcodes of the area publishes a new allocation even when the shares stay the same. {@code periodShares} are the
 * shares each period was allocated with (kept for settled periods, {@link SettledPeriods}). {@code paymentSchedule}
 * and {@code payeeVat} are the contract's, passed on to settlement (PER_PERIOD and none for results stored before
 * them); they take part in the equality, so a version that only changes them is published.
 */
public record Allocation(AllocationStatus status, String pendingReason, LocalDate validFrom, LocalDate validUntil,
        PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents, LocalDate referenceDate,
        List<MarketShare> marketShares, List<AllocatedPeriod> periods, String marketShareBasis,
        long unfundedInsuredCount, List<ServiceAreaCount> serviceAreaCounts, List<YearShares> yearShares,
        List<PeriodShares> periodShares, List<AllocationWarning> warnings, PaymentSchedule paymentSchedule,
        List<PayeeVat> payeeVat) {

    public Allocation {
        paymentSchedule = paymentSchedule == null ? PaymentSchedule.PER_PERIOD : paymentSchedule;
        payeeVat = payeeVat == null ? List.of() : List.copyOf(payeeVat);
        marketShares = marketShares == null ? List.of() : List.copyOf(marketShares);
        serviceAreaCounts = serviceAreaCounts == null ? List.of() : List.copyOf(serviceAreaCounts);
        periods = periods == null ? List.of() : List.copyOf(periods);
        yearShares = yearShares == null ? List.of() : List.copyOf(yearShares);
        periodShares = periodShares == null ? List.of() : List.copyOf(periodShares);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Allocation(AllocationStatus status, String pendingReason, LocalDate validFrom, LocalDate validUntil,
            PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents, LocalDate referenceDate,
            List<MarketShare> marketShares, List<AllocatedPeriod> periods, String marketShareBasis,
            long unfundedInsuredCount, List<ServiceAreaCount> serviceAreaCounts) {
        this(status, pendingReason, validFrom, validUntil, periodKind, paymentTiming, lumpSumCents, referenceDate,
                marketShares, periods, marketShareBasis, unfundedInsuredCount, serviceAreaCounts, List.of(), List.of(),
                List.of(), PaymentSchedule.PER_PERIOD, List.of());
    }

    /** The Zvw money no one pays over all periods: the non-participating insurers' part (R11). */
    public long unfundedCents() {
        return periods.stream().mapToLong(AllocatedPeriod::unfundedCents).sum();
    }

    /**
     * Whether publishing this allocation after {@code other} would tell a consumer nothing new: equal but for the
     * count deliveries the years' shares came from (a replacement delivery with the same counts in the service
     * area changes no figure).
     */
    public boolean sameAs(Allocation other) {
        return other != null && withoutDatasets().equals(other.withoutDatasets());
    }

    private Allocation withoutDatasets() {
        List<YearShares> years = yearShares.stream().map(y -> new YearShares(y.year(), y.referenceDate(), null, y.status(),
                y.pendingReason(), y.marketShares(), y.unfundedInsuredCount(), y.serviceAreaCounts(), y.withoutInsureds(),
                y.settledPeriodsKept())).toList();
        return new Allocation(status, pendingReason, validFrom, validUntil, periodKind, paymentTiming, lumpSumCents,
                referenceDate, marketShares, periods, marketShareBasis, unfundedInsuredCount, serviceAreaCounts, years,
                periodShares, warnings, paymentSchedule, payeeVat);
    }

    /** The record of one contract year, if the allocation has per-year shares. */
    public java.util.Optional<YearShares> year(int year) {
        return yearShares.stream().filter(y -> y.year() == year).findFirst();
    }
}
