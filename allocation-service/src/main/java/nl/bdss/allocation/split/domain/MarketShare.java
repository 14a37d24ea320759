package nl.bdss.allocation.split.domain;

/** An insurer's part of the Zvw money (R11): its exact count, and basis points rounded for display. */
public record MarketShare(String uzovi, long insuredCount, int basisPoints) {
}
