package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;

/**
 * The newest payable allocation of a contract: what each insurer owes each payee per period and sector.
 * Every period lies within the contract's validity (R14): on termination the allocation is shortened, the last
 * period pro-rata, and periods after the end are gone. {@code pendingYears} are the contract years whose counts are
 * missing (PENDING on their own): their periods, as the last complete allocation had them, are left exactly as they
 * are, neither booked nor corrected, until a complete allocation of the year arrives. {@code schedule} how each
 * period is paid (in instalments or whole) and {@code payeeVat} the VAT treatment per payee AGB code (R10).
 */
public record CurrentAllocation(String contractId, int allocationVersion, LocalDate validFrom, LocalDate validUntil,
        PaymentTiming timing, List<AllocatedPeriod> periods, Set<Integer> pendingYears, PaymentSchedule schedule,
        Map<String, Vat> payeeVat) {

    /** An allocation paid per period, without VAT statements. */
    public CurrentAllocation(String contractId, int allocationVersion, LocalDate validFrom, LocalDate validUntil,
            PaymentTiming timing, List<AllocatedPeriod> periods, Set<Integer> pendingYears) {
        this(contractId, allocationVersion, validFrom, validUntil, timing, periods, pendingYears,
                PaymentSchedule.PER_PERIOD, Map.of());
    }

    /** An allocation with every year complete. */
    public CurrentAllocation(String contractId, int allocationVersion, LocalDate validFrom, LocalDate validUntil,
            PaymentTiming timing, List<AllocatedPeriod> periods) {
        this(contractId, allocationVersion, validFrom, validUntil, timing, periods, Set.of());
    }

    public CurrentAllocation {
        Objects.requireNonNull(validFrom, "validFrom is required");
        Objects.requireNonNull(validUntil, "validUntil is required");
        Objects.requireNonNull(timing, "paymentTiming is required");
        if (allocationVersion < 1) {
            throw new IllegalArgumentException("allocationVersion must be at least 1, was " + allocationVersion);
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " lies before validFrom " + validFrom);
        }
        periods = List.copyOf(periods);
        pendingYears = Set.copyOf(pendingYears);
        schedule = schedule == null ? PaymentSchedule.PER_PERIOD : schedule;
        payeeVat = payeeVat == null ? Map.of() : Map.copyOf(payeeVat);
        Period validity = new Period(validFrom, validUntil);
        Set<SettlementTarget> seen = new HashSet<>();
        for (AllocatedPeriod period : periods) {
            if (!period.period().liesWithin(validity)) {
                throw new IllegalArgumentException("period " + period.period() + " lies outside the contract's validity "
                        + validFrom + ".." + validUntil + " (R14)");
            }
            for (PayableLine line : period.lines()) {
                if (!line.target().contractId().equals(contractId)) {
                    throw new IllegalArgumentException("line of contract " + line.target().contractId() + " in " + contractId);
                }
                if (!seen.add(line.target())) {
                    throw new IllegalArgumentException("two lines for " + line.target().lumpSumKey());
                }
            }
        }
    }

    /** The VAT treatment the contract states for a payee (R10), null when it states none. */
    public Vat vatOf(String payeeAgb) {
        return payeeVat.get(payeeAgb);
    }

    /** Whether the period's year is pending: then nothing of it is booked or corrected. */
    public boolean isPending(Period period) {
        return pendingYears.contains(period.year());
    }

    public List<AllocatedPeriod> periodsDueOn(LocalDate date) {
        return periods.stream().filter(p -> p.period().isDueOn(date, timing)).toList();
    }
}
