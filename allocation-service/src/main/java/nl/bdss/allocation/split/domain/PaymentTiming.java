package nl.bdss.allocation.split.domain;

/** Whether a period is paid at its start or after its end (R8). */
public enum PaymentTiming {
    IN_ADVANCE, IN_ARREARS
}
