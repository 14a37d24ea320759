package nl.bdss.allocation.split.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;

/** The applied versions of every contract (its terms history), kept to recompute its allocation when counts arrive. */
public interface ContractTermsStore {

    /** The applied version, locking the contract for the rest of the transaction. */
    Optional<Integer> lockAppliedVersion(String contractId);

    /** Keeps the version in the contract's terms history and makes it the latest. */
    void save(ContractVersion version, Instant at);

    /** Every applied version of the contract in version order: its terms history. */
    List<ContractVersion> versions(String contractId);

    /** The latest terms. */
    Optional<ContractTerms> find(String contractId);

    /**
     * Whether the insurer is a party to the contract in any applied version (an insurer an amendment removed still
     * sees the allocations it paid under).
     */
    boolean isParty(String contractId, String uzovi);

    /**
     * The contracts whose market shares come from the dataset of this source and reference date, in any version
     * of their terms history (an amendment may have changed the reference date for the later periods only).
     */
    List<String> usingDataset(CountSource source, LocalDate referenceDate);
}
