package nl.bdss.allocation.split.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.counts.domain.Postcode;
import nl.bdss.allocation.split.application.Allocations;
import nl.bdss.allocation.split.domain.AllocatedPeriod;
import nl.bdss.allocation.split.domain.AllocationStatus;
import nl.bdss.allocation.split.domain.CountInArea;
import nl.bdss.allocation.split.domain.MarketShare;
import nl.bdss.allocation.split.domain.PaymentTiming;
import nl.bdss.allocation.split.domain.PeriodKind;
import nl.bdss.allocation.split.domain.ServiceAreaCount;
import nl.bdss.allocation.split.persistence.AllocationStore;
import nl.bdss.allocation.split.persistence.AllocationStore.StoredAllocation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The current and earlier allocations of a contract, with market shares and the dataset used (R7, R11). */
@RestController
@RequestMapping("/api/v1/allocations/{contractId}")
class AllocationController {

    private final AllocationStore allocations;
    private final Allocations service;

    AllocationController(AllocationStore allocations, Allocations service) {
        this.allocations = allocations;
        this.service = service;
    }

    @GetMapping
    AllocationView current(@PathVariable String contractId) {
        return allocations.latest(contractId).map(AllocationView::of).orElseThrow(() -> notFound(contractId));
    }

    @GetMapping("/history")
    List<AllocationView> history(@PathVariable String contractId) {
        List<AllocationView> history = allocations.history(contractId).stream().map(AllocationView::of).toList();
        if (history.isEmpty()) {
            throw notFound(contractId);
        }
        return history;
    }

    /** The delivered counts per postcode and insurer behind each market share of the current allocation. */
    @GetMapping("/explanation")
    ExplanationView explanation(@PathVariable String contractId) {
        return service.explain(contractId).map(ExplanationView::of).orElseThrow(() -> notFound(contractId));
    }

    private static ResponseStatusException notFound(String contractId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no allocation for contract " + contractId);
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
        static ExplanationView of(Allocations.Explanation explanation) {
            StoredAllocation stored = explanation.allocation();
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            for (CountInArea count : explanation.counts()) {
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
