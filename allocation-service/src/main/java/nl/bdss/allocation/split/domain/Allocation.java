package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The result for one contract version: complete with every period's lines, or pending with the reason and no
 * periods. Two allocations are equal exactly when publishing the second would tell a consumer nothing new.
 */
public record Allocation(AllocationStatus status, String pendingReason, LocalDate validFrom, LocalDate validUntil,
        PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents, LocalDate referenceDate,
        List<MarketShare> marketShares, List<AllocatedPeriod> periods) {

    public Allocation {
        marketShares = marketShares == null ? List.of() : List.copyOf(marketShares);
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
