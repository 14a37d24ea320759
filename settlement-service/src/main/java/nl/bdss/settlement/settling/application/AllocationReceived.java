package nl.bdss.settlement.settling.application;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;

/**
 * The fields of an AllocationCalculated event settlement needs: only the payable Zvw lines (R7).
 * {@code serviceAreaCounts} are the insured counts behind the market shares (empty when the allocation carries
 * none): the default distribution key for risk equalisation (R19).
 *
 * <p>An allocation with market shares per contract year ({@code perYear}: the event lists its {@code yearShares})
 * pays the periods of its complete years even when its status is PENDING; {@code pendingYears} (year to reason) are
 * the years whose counts are missing, which settlement leaves as they are as a whole (a period of such a year that the
 * event still lists, e.g. a settled one that allocation kept, waits with the rest of its year). Without
 * per-year shares (older events, single-insurer contracts) a PENDING allocation has no periods: nothing becomes
 * payable until a complete allocation arrives. {@code schedule} how each period is paid and {@code payeeVat} the VAT
 * treatment per payee AGB code (R10), both as the contract states them.
 */
public record AllocationReceived(UUID eventId, String contractId, int allocationVersion, int contractVersion,
        boolean complete, String pendingReason, LocalDate validFrom, LocalDate validUntil, PaymentTiming timing,
        List<AllocatedPeriod> periods, List<ServiceAreaCount> serviceAreaCounts, boolean perYear,
        Map<Integer, String> pendingYears, String contractReference, PaymentSchedule schedule,
        Map<String, Vat> payeeVat) {

    /** An allocation paid per period, without VAT statements. */
    public AllocationReceived(UUID eventId, String contractId, int allocationVersion, int contractVersion,
            boolean complete, String pendingReason, LocalDate validFrom, LocalDate validUntil, PaymentTiming timing,
            List<AllocatedPeriod> periods, List<ServiceAreaCount> serviceAreaCounts, boolean perYear,
            Map<Integer, String> pendingYears, String contractReference) {
        this(eventId, contractId, allocationVersion, contractVersion, complete, pendingReason, validFrom, validUntil,
                timing, periods, serviceAreaCounts, perYear, pendingYears, contractReference, null, null);
    }

    /** An allocation with per-year shares that names no contract reference. */
    public AllocationReceived(UUID eventId, String contractId, int allocationVersion, int contractVersion,
            boolean complete, String pendingReason, LocalDate validFrom, LocalDate validUntil, PaymentTiming timing,
            List<AllocatedPeriod> periods, List<ServiceAreaCount> serviceAreaCounts, boolean perYear,
            Map<Integer, String> pendingYears) {
        this(eventId, contractId, allocationVersion, contractVersion, complete, pendingReason, validFrom, validUntil,
                timing, periods, serviceAreaCounts, perYear, pendingYears, null);
    }

    /** An allocation without per-year shares. */
    public AllocationReceived(UUID eventId, String contractId, int allocationVersion, int contractVersion,
            boolean complete, String pendingReason, LocalDate validFrom, LocalDate validUntil, PaymentTiming timing,
            List<AllocatedPeriod> periods, List<ServiceAreaCount> serviceAreaCounts) {
        this(eventId, contractId, allocationVersion, contractVersion, complete, pendingReason, validFrom, validUntil,
                timing, periods, serviceAreaCounts, false, Map.of());
    }

    public AllocationReceived {
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validFrom " + validFrom + " and validUntil " + validUntil
                    + " do not make a validity (R14)");
        }
        if (timing == null) {
            throw new IllegalArgumentException("paymentTiming is required");
        }
        pendingYears = perYear && pendingYears != null ? new TreeMap<>(pendingYears) : new TreeMap<>();
        pendingYears = Collections.unmodifiableMap(pendingYears);
        // a pending year is left as it is as a whole: periods of it the event still lists (settled periods that
        // allocation kept, or a part of the year its counts do cover) wait with the rest of the year
        Map<Integer, String> pending = pendingYears;
        periods = complete || perYear
                ? periods.stream().filter(period -> !pending.containsKey(period.period().year())).toList()
                : List.of();
        serviceAreaCounts = serviceAreaCounts == null ? List.of() : List.copyOf(serviceAreaCounts);
        schedule = schedule == null ? PaymentSchedule.PER_PERIOD : schedule;
        payeeVat = payeeVat == null ? Map.of() : Map.copyOf(payeeVat);
    }

    /** Whether any of its periods may be paid: a complete allocation, or the complete years of a per-year one. */
    public boolean payable() {
        return complete || perYear;
    }
}
