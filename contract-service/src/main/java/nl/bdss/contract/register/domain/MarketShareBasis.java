package nl.bdss.contract.register.domain;

/** R11: how each insurer's part of the lump sum is fixed. */
public enum MarketShareBasis {
    INSURED_COUNT_IN_SERVICE_AREA
}
