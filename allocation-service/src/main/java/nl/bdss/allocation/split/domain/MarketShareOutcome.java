package nl.bdss.allocation.split.domain;

import java.util.List;

/**
 * Either the market shares of every participating insurer, or the reason they cannot be fixed yet (R11).
 * {@code unfundedInsuredCount} is the insureds of non-participating insurers in the service area when the
 * shares are normalised over all insurers: their part of the Zvw money is paid by no one (else 0).
 */
public record MarketShareOutcome(List<MarketShare> shares, String pendingReason, long unfundedInsuredCount,
        List<ServiceAreaCount> serviceAreaCounts) {

    public MarketShareOutcome {
        shares = shares == null ? List.of() : List.copyOf(shares);
        serviceAreaCounts = serviceAreaCounts == null ? List.of() : List.copyOf(serviceAreaCounts);
        if (unfundedInsuredCount < 0) {
            throw new IllegalArgumentException("an unfunded insured count is never negative");
        }
    }

    public static MarketShareOutcome complete(List<MarketShare> shares) {
        return new MarketShareOutcome(shares, null, 0, List.of());
    }

    /** Shares over all insurers in the area; the non-participating insureds' part stays unfunded. */
    public static MarketShareOutcome completeWithUnfunded(List<MarketShare> shares, long unfundedInsuredCount) {
        return new MarketShareOutcome(shares, null, unfundedInsuredCount, List.of());
    }

    /** The shares and the counts per participating insurer and service-area postcode behind them (R11, R19). */
    public static MarketShareOutcome fromCounts(List<MarketShare> shares, long unfundedInsuredCount,
            List<ServiceAreaCount> serviceAreaCounts) {
        return new MarketShareOutcome(shares, null, unfundedInsuredCount, serviceAreaCounts);
    }

    public static MarketShareOutcome pending(String reason) {
        return new MarketShareOutcome(List.of(), reason, 0, List.of());
    }

    public boolean pending() {
        return pendingReason != null;
    }
}
