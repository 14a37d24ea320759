package nl.bdss.reporting.contracts.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot;
import nl.bdss.reporting.contracts.domain.AllocationSnapshot.CommittedKey;
import nl.bdss.reporting.mbi.domain.SectorYear;

/**
 * Each contract's latest allocation and what its latest complete allocation commits per year, domain and Zvw
 * sector, with the unfunded Zvw part per year (port, R7, R11, R17).
 */
public interface AllocationStore {

    /** A committed Zvw amount of a sector-year, as it was before it was removed. */
    record RemovedZvw(SectorYear sectorYear, long amountCents) {
    }

    /** The version of the contract's latest allocation, if any; locks it for the rest of the transaction. */
    Optional<Integer> lockVersion(String contractId);

    /** Stores the allocation as the contract's latest; a pending one keeps the last complete version. */
    void upsert(AllocationSnapshot allocation, Instant occurredAt);

    /** Removes every committed amount of the contract; returns the Zvw ones. */
    List<RemovedZvw> removeCommitted(String contractId);

    void addCommitted(String contractId, CommittedKey key, long amountCents);

    /** Replaces the contract's unfunded Zvw part per year. */
    void replaceUnfunded(String contractId, SortedMap<Integer, Long> unfundedByYear);
}
