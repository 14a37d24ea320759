package nl.bdss.allocation.split.domain;

import java.util.List;
import java.util.UUID;

/**
 * Either the market shares of every participating insurer, or the reason they cannot be fixed yet (R11).
 * {@code unfundedInsuredCount} is the insureds of non-participating insurers in the service area when the
 * shares are normalised over all insurers: their part of the Zvw money is paid by no one (else 0).
 * {@code withoutInsureds} are the participating insurers whose delivered count in the service area is 0 (R15: the
 * collaboration must benefit the insurer's own insureds), also when that leaves the shares pending because no
 * participant has any. {@code datasetId} is the count delivery the outcome rests on (null when none).
 */
public record MarketShareOutcome(List<MarketShare> shares, String pendingReason, long unfundedInsuredCount,
        List<ServiceAreaCount> serviceAreaCounts, List<String> withoutInsureds, UUID datasetId) {

    public MarketShareOutcome {
        shares = shares == null ? List.of() : List.copyOf(shares);
        serviceAreaCounts = serviceAreaCounts == null ? List.of() : List.copyOf(serviceAreaCounts);
        withoutInsureds = withoutInsureds == null ? List.of() : List.copyOf(withoutInsureds);
        if (unfundedInsuredCount < 0) {
            throw new IllegalArgumentException("an unfunded insured count is never negative");
        }
    }

    public MarketShareOutcome(List<MarketShare> shares, String pendingReason, long unfundedInsuredCount,
            List<ServiceAreaCount> serviceAreaCounts) {
        this(shares, pendingReason, unfundedInsuredCount, serviceAreaCounts, List.of(), null);
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
        List<String> without = shares.stream().filter(share -> share.insuredCount() == 0).map(MarketShare::uzovi).toList();
        return new MarketShareOutcome(shares, null, unfundedInsuredCount, serviceAreaCounts, without, null);
    }

    public static MarketShareOutcome pending(String reason) {
        return new MarketShareOutcome(List.of(), reason, 0, List.of());
    }

    /** Pending although the counts are known: none of the participants has insureds in the area (R11, R15). */
    static MarketShareOutcome pendingWithoutInsureds(String reason, List<String> participants) {
        return new MarketShareOutcome(List.of(), reason, 0, List.of(), participants, null);
    }

    /** The same outcome, resting on the count delivery {@code id}. */
    public MarketShareOutcome fromDataset(UUID id) {
        return new MarketShareOutcome(shares, pendingReason, unfundedInsuredCount, serviceAreaCounts, withoutInsureds, id);
    }

    public boolean pending() {
        return pendingReason != null;
    }
}
