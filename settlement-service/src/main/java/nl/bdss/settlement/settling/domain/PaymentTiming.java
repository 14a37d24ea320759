package nl.bdss.settlement.settling.domain;

/** When a period's lump sum is due: at the period's start, or the day after its end. */
public enum PaymentTiming {
    IN_ADVANCE,
    IN_ARREARS
}
