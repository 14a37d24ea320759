package nl.bdss.allocation.split.application;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.allocation.counts.application.Delivery;
import nl.bdss.allocation.counts.application.DeliveryStore;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.Allocation;
import nl.bdss.allocation.split.domain.Allocator;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.allocation.split.domain.MarketShareCalculator;
import nl.bdss.allocation.split.domain.MarketShareOutcome;
import nl.bdss.allocation.split.domain.Purchasing;
import nl.bdss.allocation.split.domain.Reallocation;
import nl.bdss.allocation.split.domain.TermsHistory;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import org.springframework.stereotype.Component;

/**
 * The allocation of a terms history from the current count datasets (R7, R8, R10, R11), reading only: each
 * segment's periods split by the market shares of the terms then in force, in each contract year from that year's
 * reference date, keeping the current allocation's settled periods as the {@link Reallocation} says. The one
 * computation behind the published allocations ({@link Allocations}: contract versions, count deliveries, reopens)
 * and the previews ({@link AllocationPreviews}), so a preview is exactly what publishing would give.
 */
@Component
class AllocationCalculation {

    private final DeliveryStore deliveries;
    private final ServiceAreaCounts serviceAreaCounts;

    AllocationCalculation(DeliveryStore deliveries, ServiceAreaCounts serviceAreaCounts) {
        this.deliveries = deliveries;
        this.serviceAreaCounts = serviceAreaCounts;
    }

    /** The allocation of the versions (any order; at least one) on today's datasets, against {@code basis}. */
    Allocation allocate(List<ContractVersion> versions, Reallocation basis) {
        Map<SharesKey, MarketShareOutcome> computed = new HashMap<>();
        return Allocator.allocate(TermsHistory.segments(versions), (terms, year) -> computed.computeIfAbsent(
                SharesKey.of(terms, year), key -> marketShares(terms, key.referenceDate())), basis);
    }

    /** What market shares depend on: terms and years with the same key share one computation. */
    private record SharesKey(Purchasing.Type type, String basis, CountSource source, LocalDate referenceDate,
            List<Uzovi> insurers, List<Postcode> serviceArea) {
        static SharesKey of(ContractTerms terms, int year) {
            Purchasing purchasing = terms.purchasing();
            return new SharesKey(purchasing.type(), purchasing.basis(),
                    purchasing.source(),
                    purchasing.referenceDateOf(year), terms.insurers(), terms.serviceArea());
        }
    }

    private MarketShareOutcome marketShares(ContractTerms terms, LocalDate referenceDate) {
        Purchasing purchasing = terms.purchasing();
        if (purchasing.type() == Purchasing.Type.SINGLE) {
            return MarketShareCalculator.single(terms.insurers().get(0));
        }
        if (!purchasing.basisSupported()) {
            return MarketShareOutcome.pending("market-share basis " + purchasing.basis() + " is not supported; "
                    + "supported: " + Purchasing.INSURED_COUNT_IN_SERVICE_AREA + " (default), "
                    + Purchasing.INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS + " (R11)");
        }
        Optional<Delivery> dataset = deliveries.current(purchasing.source(), referenceDate);
        if (dataset.isEmpty()) {
            return MarketShareCalculator.noDataset(purchasing.source(), referenceDate);
        }
        return MarketShareCalculator.fromCounts(terms.insurers(), terms.serviceArea(), dataset.get().level(),
                serviceAreaCounts.of(dataset.get().id(), terms), purchasing.source(), referenceDate,
                purchasing.overAllInsurers()).fromDataset(dataset.get().id());
    }
}
