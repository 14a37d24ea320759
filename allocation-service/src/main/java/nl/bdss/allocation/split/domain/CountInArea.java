package nl.bdss.allocation.split.domain;

import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;

/** A delivered count that may lie in a service area. */
public record CountInArea(Uzovi uzovi, Postcode postcode, long insuredCount) {
}
