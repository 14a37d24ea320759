package nl.bdss.allocation.split.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.bdss.allocation.split.domain.Allocation;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.allocation.split.domain.LegalDomain;
import nl.bdss.allocation.split.domain.Reallocation;
import nl.bdss.allocation.split.domain.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a contract version would allocate if it took effect (issue 14, "Know what you accept"): computed exactly as
 * publishing computes it ({@link AllocationCalculation}), on the contract's stored terms history with this version
 * applied on top and the current count datasets, in a read-only transaction: nothing is stored, locked, published
 * or remembered as applied.
 *
 * <p>The version replaces the stored versions from its own number on (a draft or a proposal names the number it
 * would get; stored versions at or above it are what it would supersede). Who may ask: an operator for any version;
 * an insurer named in the version or party to a stored version (an insurer an amendment drops sees what it would
 * be credited); a provider named in the version as a Zvw party, or paid by the contract's stored allocations or
 * terms. Anyone else, also for a contract it knows the id of, gets nothing (404).
 */
@Service
public class AllocationPreviews {

    private final ContractVersionDocuments documents;
    private final ContractTermsStore contracts;
    private final AllocationStore allocations;
    private final AllocationQueries queries;
    private final AllocationCalculation calculation;
    private final Clock clock;

    AllocationPreviews(ContractVersionDocuments documents, ContractTermsStore contracts, AllocationStore allocations,
            AllocationQueries queries, AllocationCalculation calculation, Clock clock) {
        this.documents = documents;
        this.contracts = contracts;
        this.allocations = allocations;
        this.queries = queries;
        this.calculation = calculation;
        this.clock = clock;
    }

    /** The proposed allocation and the current one (null when the contract has none). */
    public record Preview(ContractTerms terms, Allocation proposed, Allocation current) {
    }

    /** The viewer may not preview this version: answered like a contract that does not exist. */
    public static class NotPreviewable extends RuntimeException {

        private final String contractId;

        NotPreviewable(String contractId) {
            super("contract " + contractId + " cannot be previewed by this caller");
            this.contractId = contractId;
        }

        public String contractId() {
            return contractId;
        }
    }

    /**
     * @param document the ContractVersionPublished record in Avro's JSON encoding
     * @throws InvalidContractVersion naming the fields that are wrong (nothing is read from the database before)
     * @throws NotPreviewable when the version is not the viewer's to preview
     */
    @Transactional(readOnly = true)
    public Preview preview(byte[] document, Viewer viewer) {
        ContractVersion version = documents.read(document);
        ContractTerms terms = version.terms();
        if (!mayPreview(terms, viewer)) {
            throw new NotPreviewable(terms.contractId());
        }
        List<ContractVersion> history = new ArrayList<>();
        for (ContractVersion stored : contracts.versions(terms.contractId())) {
            if (stored.terms().version() < terms.version()) {
                history.add(stored);
            }
        }
        history.add(version);
        Optional<StoredAllocation> latest = allocations.latest(terms.contractId());
        // as publishing the version would: its settled periods keep the market shares they were allocated with
        Reallocation basis = latest.map(stored -> new Reallocation(stored.allocation(), stored.datasetId(),
                        LocalDate.now(clock), Reallocation.Cause.CONTRACT_VERSION, Set.of()))
                .orElseGet(() -> Reallocation.first(Reallocation.Cause.CONTRACT_VERSION));
        Allocation proposed = calculation.allocate(history, basis);
        return new Preview(terms, proposed, latest.map(StoredAllocation::allocation).orElse(null));
    }

    private boolean mayPreview(ContractTerms terms, Viewer viewer) {
        return switch (viewer.kind()) {
            case OPERATOR -> true;
            case INSURER -> terms.insurers().stream().anyMatch(insurer -> insurer.code().equals(viewer.code()))
                    || queries.isVisible(terms.contractId(), viewer);
            case PROVIDER -> viewer.code() != null && (terms.parties().stream()
                    .anyMatch(party -> party.domain() == LegalDomain.ZVW && viewer.code().equals(party.agb()))
                    || queries.isVisible(terms.contractId(), viewer));
        };
    }
}
