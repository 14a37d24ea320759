package nl.bdss.allocation.split.domain;

/**
 * The insureds of one participating insurer in one postcode of the service area, as used for its market share
 * (R11) and as the distribution key for risk equalisation (R19). The postcode is the service area's own
 * postcode: PC6 counts in a PC4 area are added up under the PC4 postcode.
 */
public record ServiceAreaCount(String uzovi, String postcode, long insuredCount) {
}
