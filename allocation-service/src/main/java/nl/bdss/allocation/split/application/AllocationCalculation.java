package nl.bdss.allocation.split.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.allocation.counts.application.Delivery;
import nl.bdss.allocation.counts.application.DeliveryStore;
import nl.bdss.allocation.split.domain.Allocation;
import nl.bdss.allocation.split.domain.Allocator;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.allocation.split.domain.MarketShareCalculator;
import nl.bdss.allocation.split.domain.MarketShareOutcome;
import nl.bdss.allocation.split.domain.Purchasing;
import nl.bdss.allocation.split.domain.TermsHistory;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.stereotype.Component;

/**
 * The allocation of a terms history from the current count datasets (R7, R8, R10, R11), reading only: each
 * segment's periods split by the market shares of the terms then in force. The one computation behind both the
 * published allocations ({@link Allocations}) and the previews ({@link AllocationPreviews}), so a preview is exactly
 * what publishing would give.
 */
@Component
class AllocationCalculation {

    private final DeliveryStore deliveries;
    private final ServiceAreaCounts serviceAreaCounts;

    AllocationCalculation(DeliveryStore deliveries, ServiceAreaCounts serviceAreaCounts) {
        this.deliveries = deliveries;
        this.serviceAreaCounts = serviceAreaCounts;
    }

    /** The allocation of the versions (any order; at least one) on today's datasets. */
    Allocation allocate(List<ContractVersion> versions) {
        Map<SharesKey, MarketShareOutcome> computed = new HashMap<>();
        return Allocator.allocate(TermsHistory.segments(versions), segmentTerms -> computed.computeIfAbsent(
                SharesKey.of(segmentTerms), key -> marketShares(segmentTerms, dataset(segmentTerms))));
    }

    /** The current count dataset the terms' market shares come from; empty for single purchasing or none delivered. */
    Optional<Delivery> dataset(ContractTerms terms) {
        Purchasing purchasing = terms.purchasing();
        if (purchasing.type() == Purchasing.Type.SINGLE) {
            return Optional.empty();
        }
        return deliveries.current(purchasing.source(), purchasing.referenceDate());
    }

    /** What market shares depend on: terms with the same key share one computation. */
    private record SharesKey(Purchasing purchasing, List<Uzovi> insurers, List<Postcode> serviceArea) {
        static SharesKey of(ContractTerms terms) {
            return new SharesKey(terms.purchasing(), terms.insurers(), terms.serviceArea());
        }
    }

    private MarketShareOutcome marketShares(ContractTerms terms, Optional<Delivery> dataset) {
        Purchasing purchasing = terms.purchasing();
        if (purchasing.type() == Purchasing.Type.SINGLE) {
            return MarketShareCalculator.single(terms.insurers().get(0));
        }
        if (!purchasing.basisSupported()) {
            return MarketShareOutcome.pending("market-share basis " + purchasing.basis() + " is not supported; "
                    + "supported: " + Purchasing.INSURED_COUNT_IN_SERVICE_AREA + " (default), "
                    + Purchasing.INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS + " (R11)");
        }
        if (dataset.isEmpty()) {
            return MarketShareCalculator.noDataset(purchasing.source(), purchasing.referenceDate());
        }
        return MarketShareCalculator.fromCounts(terms.insurers(), terms.serviceArea(), dataset.get().level(),
                serviceAreaCounts.of(dataset.get().id(), terms), purchasing.source(), purchasing.referenceDate(),
                purchasing.overAllInsurers());
    }
}
