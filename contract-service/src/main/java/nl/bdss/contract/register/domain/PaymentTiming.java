package nl.bdss.contract.register.domain;

/** When a period's lump sum is due: at its start or after its end. */
public enum PaymentTiming {
    IN_ADVANCE, IN_ARREARS
}
