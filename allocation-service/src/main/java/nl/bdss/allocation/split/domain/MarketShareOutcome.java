package nl.bdss.allocation.split.domain;

import java.util.List;

/** Either the market shares of every participating insurer, or the reason they cannot be fixed yet (R11). */
public record MarketShareOutcome(List<MarketShare> shares, String pendingReason) {

    public MarketShareOutcome {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    public static MarketShareOutcome complete(List<MarketShare> shares) {
        return new MarketShareOutcome(shares, null);
    }

    public static MarketShareOutcome pending(String reason) {
        return new MarketShareOutcome(List.of(), reason);
    }

    public boolean pending() {
        return pendingReason != null;
    }
}
