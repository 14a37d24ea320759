package nl.bdss.settlement.riskequalisation.application;

import java.util.List;
import java.util.Map;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;

/**
 * The insured counts behind each allocation version, per insurer, contract year and postcode, as they arrived (R19).
 * Stored once per (contract, allocationVersion, contract year): a redelivery or a second event for the same version
 * adds nothing. Storing counts marks the attribution of each (insurer, year) they concern to be recomputed.
 */
public interface ServiceAreaCountStore {

    /** Keeps the allocation's counts; a version stored before stays as it was. */
    void store(String contractId, int allocationVersion, List<ServiceAreaCount> counts);

    /**
     * Postcode to count for one insurer behind one allocation version for the contract year {@code year}: the
     * year's own counts, else the counts of an allocation without per-year shares; empty when there are none.
     */
    Map<String, Long> of(String contractId, int allocationVersion, String uzovi, int year);
}
