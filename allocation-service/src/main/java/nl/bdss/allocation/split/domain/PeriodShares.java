package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The market shares a period was allocated with (the exact counts, R11), kept so that a settled period keeps them
 * when an amendment changes its amount ({@link SettledPeriods}).
 */
public record PeriodShares(LocalDate periodStart, List<MarketShare> shares, long unfundedInsuredCount) {

    public PeriodShares {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    MarketShareOutcome outcome() {
        return new MarketShareOutcome(shares, null, unfundedInsuredCount, List.of());
    }
}
