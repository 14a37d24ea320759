package nl.bdss.settlement.riskequalisation.application;

import java.util.List;
import java.util.Map;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;

/**
 * The insured counts behind each allocation version, per insurer and postcode, as they arrived (R19). Stored once
 * per (contract, allocationVersion): a redelivery or a second event for the same version adds nothing.
 */
public interface ServiceAreaCountStore {

    /** Keeps the allocation's counts; a version stored before stays as it was. */
    void store(String contractId, int allocationVersion, List<ServiceAreaCount> counts);

    /** Postcode to count for one insurer behind one allocation version; empty when the allocation carried none. */
    Map<String, Long> of(String contractId, int allocationVersion, String uzovi);
}
