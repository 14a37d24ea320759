package nl.bdss.contract.register.domain;

/** The legal domain that funds a party; only ZVW is paid by health insurers, the others are recorded (R7). */
public enum LegalDomain {
    ZVW, WLZ, WMO, JEUGDWET, WPG, OTHER
}
