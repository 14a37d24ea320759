package nl.bdss.allocation.split.domain;

import nl.bdss.allocation.counts.domain.Postcode;
import nl.bdss.allocation.counts.domain.Uzovi;

/** A delivered count that may lie in a service area. */
public record CountInArea(Uzovi uzovi, Postcode postcode, long insuredCount) {
}
