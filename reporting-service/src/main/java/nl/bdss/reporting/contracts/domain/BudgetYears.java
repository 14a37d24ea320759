package nl.bdss.reporting.contracts.domain;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A contract's budget per calendar year (R20): the lump sum of every period within its validity, pro rata by
 * days for a partial first or last period (rounded half up), and its Zvw part by the domain shares with the
 * largest-remainder method (R7).
 */
public final class BudgetYears {

    private BudgetYears() {
    }

    public static SortedMap<Integer, YearBudget> of(ContractSnapshot contract) {
        SortedMap<Integer, YearBudget> years = new TreeMap<>();
        if (contract.validUntil().isBefore(contract.validFrom())) {
            return years;
        }
        Map<String, Long> weights = new HashMap<>();
        contract.domainSharesBasisPoints().forEach((domain, share) -> weights.put(domain, share.longValue()));
        LocalDate start = contract.period().startOf(contract.validFrom());
        while (!start.isAfter(contract.validUntil())) {
            LocalDate end = contract.period().endOf(start);
            long amount = periodAmount(contract, start, end);
            long zvw = LargestRemainder.split(amount, weights).getOrDefault(ContractSnapshot.ZVW, 0L);
            years.merge(start.getYear(), new YearBudget(start.getYear(), amount, zvw),
                    (a, b) -> a.plus(b.allDomainsCents(), b.zvwCents()));
            start = end.plusDays(1);
        }
        return years;
    }

    private static long periodAmount(ContractSnapshot contract, LocalDate start, LocalDate end) {
        LocalDate from = start.isBefore(contract.validFrom()) ? contract.validFrom() : start;
        LocalDate until = end.isAfter(contract.validUntil()) ? contract.validUntil() : end;
        long periodDays = ChronoUnit.DAYS.between(start, end) + 1;
        long coveredDays = ChronoUnit.DAYS.between(from, until) + 1;
        if (coveredDays == periodDays) {
            return contract.lumpSumCents();
        }
        return new java.math.BigDecimal(BigInteger.valueOf(contract.lumpSumCents()).multiply(BigInteger.valueOf(coveredDays)))
                .divide(java.math.BigDecimal.valueOf(periodDays), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
