package nl.bdss.contract.register.domain;

/** R11: one insurer, or several insurers contracting together with a market-share definition. */
public enum PurchasingType {
    SINGLE, COORDINATED
}
