package nl.bdss.allocation.counts.domain;

/** The precision of a Dutch postcode: four digits (PC4) or four digits and two letters (PC6). */
public enum PostcodeLevel {
    PC4, PC6
}
