package nl.bdss.allocation.split.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.application.AllocationQueries;
import nl.bdss.allocation.split.application.StoredAllocation;
import nl.bdss.allocation.split.domain.AllocatedPeriod;
import nl.bdss.allocation.split.domain.AllocationDisclosure;
import nl.bdss.allocation.split.domain.AllocationStatus;
import nl.bdss.allocation.split.domain.AllocationWarning;
import nl.bdss.allocation.split.domain.Viewer;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current and earlier allocations of a contract, with market shares and the dataset used (R7, R11).
 *
 * <p>Operators read every contract's allocation with every figure. An insurer reads only allocations of contracts
 * it is a party to, a provider only those of contracts that pay it (R10); any other contract answers 404 exactly
 * like an unknown one. What an insurer or provider sees is decided by {@link AllocationDisclosure} (issue 14): the
 * market shares in basis points, its own insured counts only (small cells suppressed), no other insurer's counts
 * and no non-participants' total; an insurer sees every line of the split, a provider only the lines paid to it.
 */
@RestController
@RequestMapping("/api/v1/allocations/{contractId}")
class AllocationController {

    private final AllocationQueries allocations;
    private final AllocationDisclosure disclosure;

    AllocationController(AllocationQueries allocations, AllocationDisclosure disclosure) {
        this.allocations = allocations;
        this.disclosure = disclosure;
    }

    @GetMapping
    AllocationView current(@PathVariable String contractId) {
        Viewer viewer = visibleTo(contractId);
        return allocations.current(contractId).map(stored -> AllocationView.of(stored, viewer, disclosure))
                .orElseThrow(() -> notFound(contractId));
    }

    @GetMapping("/history")
    List<AllocationView> history(@PathVariable String contractId) {
        Viewer viewer = visibleTo(contractId);
        List<AllocationView> history = allocations.history(contractId).stream()
                .map(stored -> AllocationView.of(stored, viewer, disclosure)).toList();
        if (history.isEmpty()) {
            throw notFound(contractId);
        }
        return history;
    }

    /** The delivered counts per postcode and insurer behind each market share of the current allocation. */
    @GetMapping("/explanation")
    ExplanationView explanation(@PathVariable String contractId) {
        Viewer viewer = visibleTo(contractId);
        return allocations.explain(contractId).map(explanation -> ExplanationView.of(explanation, viewer, disclosure))
                .orElseThrow(() -> notFound(contractId));
    }

    /** A caller the contract is not visible to gets the same 404 as for a contract without an allocation. */
    private Viewer visibleTo(String contractId) {
        Viewer viewer = CurrentViewer.get();
        if (!allocations.isVisible(contractId, viewer)) {
            throw notFound(contractId);
        }
        return viewer;
    }

    static ProblemException notFound(String contractId) {
        return new ProblemException(Problem.notFound("allocation-not-found", "Allocation not found",
                "no allocation for contract " + contractId));
    }

    /**
     * An allocation as the caller may see it. {@code serviceAreaCounts}: every insurer's for an operator, the
     * insurer's own for an insurer, left out for a provider; {@code unfundedInsuredCount} only for an operator;
     * {@code periods} with only the provider's own lines for a provider.
     */
    record AllocationView(String contractId, int allocationVersion, int contractVersion, AllocationStatus status,
            String pendingReason, LocalDate validFrom, LocalDate validUntil, PeriodKind budgetPeriod,
            PaymentTiming paymentTiming, long lumpSumCents, LocalDate referenceDate, CountSource source, UUID datasetId,
            String marketShareBasis, List<ShareView> marketShares, List<AreaCountView> serviceAreaCounts,
            Long unfundedInsuredCount, long unfundedCents, List<AllocatedPeriod> periods, List<YearView> yearShares,
            List<AllocationWarning> warnings, String cause, UUID eventId, Instant calculatedAt) {
        static AllocationView of(StoredAllocation stored, Viewer viewer, AllocationDisclosure disclosure) {
            var a = stored.allocation();
            List<AreaCountView> counts = viewer.kind() == Viewer.Kind.PROVIDER ? null
                    : disclosure.serviceAreaCounts(a, viewer).stream().map(AreaCountView::of).toList();
            return new AllocationView(stored.contractId(), stored.allocationVersion(), stored.contractVersion(),
                    a.status(), a.pendingReason(), a.validFrom(), a.validUntil(), a.periodKind(), a.paymentTiming(),
                    a.lumpSumCents(), a.referenceDate(), stored.source(), stored.datasetId(), a.marketShareBasis(),
                    disclosure.marketShares(a, viewer, true).stream().map(ShareView::of).toList(), counts,
                    disclosure.showsUnfundedInsuredCount(viewer) ? a.unfundedInsuredCount() : null, a.unfundedCents(),
                    disclosure.periods(a, viewer), disclosure.years(a, viewer, true).stream().map(YearView::of).toList(),
                    a.warnings(), stored.cause(), stored.eventId(), stored.calculatedAt());
        }
    }

    /** The Zvw part of non-participating insurers that no one pays in a period (R11, "all insurers" basis). */
    record UnfundedPeriod(LocalDate start, LocalDate end, long amountCents, long unfundedCents) {
    }

    /**
     * {@code countsPerInsurerAndPostcode}: uzovi to delivered postcode to count; every insurer's for an operator,
     * the insurer's own for an insurer (a small cell's count is null), empty for a provider.
     */
    record ExplanationView(String contractId, int allocationVersion, UUID datasetId, List<String> serviceArea,
            String marketShareBasis, List<ShareView> marketShares, Long unfundedInsuredCount,
            List<UnfundedPeriod> unfundedPerPeriod,
            @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Map<String, Long>> countsPerInsurerAndPostcode,
            List<YearExplanation> years) {
        static ExplanationView of(AllocationQueries.Explanation explanation, Viewer viewer, AllocationDisclosure disclosure) {
            StoredAllocation stored = explanation.allocation();
            var a = stored.allocation();
            List<YearExplanation> years = disclosure.years(a, viewer, true).stream()
                    .map(year -> new YearExplanation(year.year(), year.referenceDate(), year.datasetId(), year.status(),
                            year.pendingReason(), year.marketShares().stream().map(ShareView::of).toList(),
                            year.unfundedInsuredCount(), year.settledPeriodsKept(), counts(disclosure.deliveredCounts(
                                    explanation.countsPerYear().getOrDefault(year.year(), List.of()), viewer))))
                    .toList();
            return new ExplanationView(stored.contractId(), stored.allocationVersion(), stored.datasetId(),
                    explanation.serviceArea().stream().map(Postcode::value).toList(), a.marketShareBasis(),
                    disclosure.marketShares(a, viewer, true).stream().map(ShareView::of).toList(),
                    disclosure.showsUnfundedInsuredCount(viewer) ? a.unfundedInsuredCount() : null,
                    a.periods().stream().map(p -> new UnfundedPeriod(p.start(), p.end(), p.amountCents(), p.unfundedCents()))
                            .toList(),
                    counts(disclosure.deliveredCounts(explanation.counts(), viewer)), years);
        }

        private static Map<String, Map<String, Long>> counts(List<AllocationDisclosure.ShownCount> shown) {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            for (AllocationDisclosure.ShownCount count : shown) {
                counts.computeIfAbsent(count.uzovi(), u -> new TreeMap<>()).put(count.postcode(), count.insuredCount());
            }
            return counts;
        }
    }

    /** One contract year of the explanation: its shares and the delivered counts behind them, as the caller may see. */
    record YearExplanation(int year, LocalDate referenceDate, UUID datasetId, AllocationStatus status,
            String pendingReason, List<ShareView> marketShares, Long unfundedInsuredCount, boolean settledPeriodsKept,
            @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Map<String, Long>> countsPerInsurerAndPostcode) {
    }
}
