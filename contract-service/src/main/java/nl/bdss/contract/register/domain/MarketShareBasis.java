package nl.bdss.contract.register.domain;

/** R11: how each insurer's part of the lump sum is fixed. */
public enum MarketShareBasis {
    /** Each insurer's insureds in the service area on the reference date, among the contract's insurers. */
    INSURED_COUNT_IN_SERVICE_AREA,
    /**
     * The same counts taken over every insurer counted in the service area: the contract's insurers pay their own
     * share only, and the part of the insurers outside the contract is recorded as unfunded, paid by nobody.
     */
    INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS
}
