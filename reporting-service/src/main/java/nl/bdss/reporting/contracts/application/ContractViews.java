package nl.bdss.reporting.contracts.application;

import java.time.Instant;
import nl.bdss.reporting.contracts.domain.ContractSnapshot;

/** The current version of every contract (port, R20). */
public interface ContractViews {

    /** Stores the version unless the contract is known in the same or a newer one; returns whether it was stored. */
    boolean upsert(ContractSnapshot contract, Instant updatedAt);
}
