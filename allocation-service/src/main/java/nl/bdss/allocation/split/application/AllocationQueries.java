package nl.bdss.allocation.split.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.allocation.split.domain.CountInArea;
import nl.bdss.allocation.split.domain.Viewer;
import nl.bdss.allocation.split.domain.YearShares;
import nl.bdss.kernel.identity.Postcode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the service tells about a contract's allocations: the current one, its history and what it was based on. */
@Service
public class AllocationQueries {

    private final AllocationStore allocations;
    private final ContractTermsStore contracts;
    private final ServiceAreaCounts serviceAreaCounts;

    AllocationQueries(AllocationStore allocations, ContractTermsStore contracts, ServiceAreaCounts serviceAreaCounts) {
        this.allocations = allocations;
        this.contracts = contracts;
        this.serviceAreaCounts = serviceAreaCounts;
    }

    public Optional<StoredAllocation> current(String contractId) {
        return allocations.latest(contractId);
    }

    /** In allocation-version order; empty for a contract without an allocation. */
    public List<StoredAllocation> history(String contractId) {
        return allocations.history(contractId);
    }

    /** Whether the insurer is a party to the contract in any of its versions. */
    public boolean isParty(String contractId, String uzovi) {
        return contracts.isParty(contractId, uzovi);
    }

    /**
     * Whether the viewer may read the contract's allocations: an operator any; an insurer those of contracts it is a
     * party to in any version; a provider those of contracts that pay it (R10): a line of any of the contract's
     * allocations pays its AGB code, or the terms of any applied version would (an allocation still pending has no
     * lines yet). A provider named in a contract without being paid (a Zvw party under a main contractor who pays
     * it) is not paid by the insurers, and reads nothing here.
     */
    @Transactional(readOnly = true)
    public boolean isVisible(String contractId, Viewer viewer) {
        return switch (viewer.kind()) {
            case OPERATOR -> true;
            case INSURER -> contracts.isParty(contractId, viewer.code());
            case PROVIDER -> viewer.code() != null && (paidByAnAllocation(contractId, viewer)
                    || contracts.versions(contractId).stream().anyMatch(version -> version.terms().pays(viewer.code())));
        };
    }

    private boolean paidByAnAllocation(String contractId, Viewer provider) {
        return allocations.history(contractId).stream()
                .flatMap(stored -> stored.allocation().periods().stream())
                .flatMap(period -> period.lines().stream())
                .anyMatch(provider::owns);
    }

    /**
     * The counts per postcode behind the market shares of the contract's current allocation: the first contract
     * year's, and every contract year's from its own dataset.
     */
    @Transactional(readOnly = true)
    public Optional<Explanation> explain(String contractId) {
        return allocations.latest(contractId).flatMap(stored -> contracts.find(contractId).map(terms -> {
            List<CountInArea> counts = stored.datasetId() == null ? List.of()
                    : serviceAreaCounts.of(stored.datasetId(), terms);
            Map<Integer, List<CountInArea>> perYear = new TreeMap<>();
            Map<UUID, List<CountInArea>> perDataset = new HashMap<>();
            for (YearShares year : stored.allocation().yearShares()) {
                perYear.put(year.year(), year.datasetId() == null ? List.of()
                        : perDataset.computeIfAbsent(year.datasetId(), id -> serviceAreaCounts.of(id, terms)));
            }
            return new Explanation(stored, terms.serviceArea(), counts, perYear);
        }));
    }

    /**
     * The current allocation of a contract and the delivered counts per postcode behind its market shares: those of
     * the first contract year, and per contract year.
     */
    public record Explanation(StoredAllocation allocation, List<Postcode> serviceArea, List<CountInArea> counts,
            Map<Integer, List<CountInArea>> countsPerYear) {
    }
}
