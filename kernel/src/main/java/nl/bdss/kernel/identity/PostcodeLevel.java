package nl.bdss.kernel.identity;

/** How fine a postcode is: the four-digit area (PC4) or a street-level postcode with two letters (PC6). */
public enum PostcodeLevel {
    PC4, PC6
}
