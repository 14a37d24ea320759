package nl.bdss.contract.register.domain;

/** R11: who delivers the insured counts behind the market shares. */
public enum CountSource {
    INSURERS, TRUSTED_THIRD_PARTY
}
