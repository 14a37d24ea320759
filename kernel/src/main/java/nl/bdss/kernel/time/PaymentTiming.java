package nl.bdss.kernel.time;

/** When a period's lump sum is due (R8): on the period's first day, or on the day after its last. */
public enum PaymentTiming {
    IN_ADVANCE, IN_ARREARS
}
