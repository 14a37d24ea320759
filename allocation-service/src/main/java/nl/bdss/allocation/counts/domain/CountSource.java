package nl.bdss.allocation.counts.domain;

/** Who delivers the insured counts a market share is based on (R11): the insurers themselves or a trusted third party. */
public enum CountSource {
    INSURERS, TRUSTED_THIRD_PARTY
}
