package nl.bdss.allocation.split.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.application.AllocationQueries;
import nl.bdss.allocation.split.application.StoredAllocation;
import nl.bdss.allocation.split.domain.AllocatedPeriod;
import nl.bdss.allocation.split.domain.AllocationStatus;
import nl.bdss.allocation.split.domain.CountInArea;
import nl.bdss.allocation.split.domain.MarketShare;
import nl.bdss.allocation.split.domain.ServiceAreaCount;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.CurrentClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current and earlier allocations of a contract, with market shares and the dataset used (R7, R11).
 *
 * <p>Operators read every contract's allocation. An insurer reads only allocations of contracts it is a party to;
 * any other contract answers 404 exactly like an unknown one. A participating insurer sees the whole allocation,
 * the other insurers' lines and market shares included: the split is information the contract parties share, as
 * they share the contract itself. Per-postcode counts of other insurers in the explanation are counts, though, not
 * the split: an insurer sees only its own (R11 counts stay per insurer).
 */
@RestController
@RequestMapping("/api/v1/allocations/{contractId}")
class AllocationController {

    private final AllocationQueries allocations;

    AllocationController(AllocationQueries allocations) {
        this.allocations = allocations;
    }

    @GetMapping
    AllocationView current(@PathVariable String contractId) {
        requireVisible(contractId);
        return allocations.current(contractId).map(AllocationView::of).orElseThrow(() -> notFound(contractId));
    }

    @GetMapping("/history")
    List<AllocationView> history(@PathVariable String contractId) {
        requireVisible(contractId);
        List<AllocationView> history = allocations.history(contractId).stream().map(AllocationView::of).toList();
        if (history.isEmpty()) {
            throw notFound(contractId);
        }
        return history;
    }

    /** The delivered counts per postcode and insurer behind each market share of the current allocation. */
    @GetMapping("/explanation")
    ExplanationView explanation(@PathVariable String contractId) {
        requireVisible(contractId);
        Optional<String> onlyUzovi = CurrentClient.insurerRestriction();
        return allocations.explain(contractId).map(explanation -> ExplanationView.of(explanation, onlyUzovi))
                .orElseThrow(() -> notFound(contractId));
    }

    /** An insurer that is no party to the contract gets the same 404 as for a contract without an allocation. */
    private void requireVisible(String contractId) {
        Optional<String> onlyUzovi = CurrentClient.insurerRestriction();
        if (onlyUzovi.isPresent() && !allocations.isParty(contractId, onlyUzovi.get())) {
            throw notFound(contractId);
        }
    }

    private static ProblemException notFound(String contractId) {
        return new ProblemException(Problem.notFound("allocation-not-found", "Allocation not found",
                "no allocation for contract " + contractId));
    }

    record AllocationView(String contractId, int allocationVersion, int contractVersion, AllocationStatus status,
            String pendingReason, LocalDate validFrom, LocalDate validUntil, PeriodKind budgetPeriod,
            PaymentTiming paymentTiming, long lumpSumCents, LocalDate referenceDate, CountSource source, UUID datasetId,
            String marketShareBasis, List<MarketShare> marketShares, List<ServiceAreaCount> serviceAreaCounts,
            long unfundedInsuredCount, long unfundedCents, List<AllocatedPeriod> periods, UUID eventId,
            Instant calculatedAt) {
        static AllocationView of(StoredAllocation stored) {
            var a = stored.allocation();
            return new AllocationView(stored.contractId(), stored.allocationVersion(), stored.contractVersion(),
                    a.status(), a.pendingReason(), a.validFrom(), a.validUntil(), a.periodKind(), a.paymentTiming(),
                    a.lumpSumCents(), a.referenceDate(), stored.source(), stored.datasetId(), a.marketShareBasis(),
                    a.marketShares(), a.serviceAreaCounts(), a.unfundedInsuredCount(), a.unfundedCents(), a.periods(), stored.eventId(),
                    stored.calculatedAt());
        }
    }

    /** The Zvw part of non-participating insurers that no one pays in a period (R11, "all insurers" basis). */
    record UnfundedPeriod(LocalDate start, LocalDate end, long amountCents, long unfundedCents) {
    }

    record ExplanationView(String contractId, int allocationVersion, UUID datasetId, List<String> serviceArea,
            String marketShareBasis, List<MarketShare> marketShares, long unfundedInsuredCount,
            List<UnfundedPeriod> unfundedPerPeriod, Map<String, Map<String, Long>> countsPerInsurerAndPostcode) {
        /** With {@code onlyUzovi} present, the per-postcode counts of that insurer only. */
        static ExplanationView of(AllocationQueries.Explanation explanation, Optional<String> onlyUzovi) {
            StoredAllocation stored = explanation.allocation();
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            for (CountInArea count : explanation.counts()) {
                if (onlyUzovi.isPresent() && !onlyUzovi.get().equals(count.uzovi().code())) {
                    continue;
                }
                counts.computeIfAbsent(count.uzovi().code(), u -> new TreeMap<>())
                        .put(count.postcode().value(), count.insuredCount());
            }
            var a = stored.allocation();
            return new ExplanationView(stored.contractId(), stored.allocationVersion(), stored.datasetId(),
                    explanation.serviceArea().stream().map(Postcode::value).toList(), a.marketShareBasis(),
                    a.marketShares(), a.unfundedInsuredCount(),
                    a.periods().stream().map(p -> new UnfundedPeriod(p.start(), p.end(), p.amountCents(), p.unfundedCents()))
                            .toList(),
                    counts);
        }
    }
}
