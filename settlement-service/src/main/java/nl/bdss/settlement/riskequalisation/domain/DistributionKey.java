package nl.bdss.settlement.riskequalisation.domain;

/** How an insurer attributes its settled lump sums to categories of insureds for risk equalisation (R19). */
public enum DistributionKey {
    /** Spread over the insureds in the service area, per postcode, by their counts. */
    SERVICE_AREA_INSUREDS,
    /** Spread over all of the insurer's insureds: one category. */
    ALL_INSUREDS,
    /** By exception not attributed; a reason is required. */
    NOT_ATTRIBUTED
}
