package nl.bdss.settlement.riskequalisation.domain;

/** Where the insured counts of a service-area attribution came from (R19). */
public enum CountsSource {
    /** The counts behind the allocation the money was settled from (AllocationCalculated.serviceAreaCounts). */
    ALLOCATION,
    /** The counts the caller supplied, used only for an allocation that carried none. */
    CALLER
}
