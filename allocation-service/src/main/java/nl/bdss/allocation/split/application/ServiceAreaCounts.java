package nl.bdss.allocation.split.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.bdss.allocation.counts.application.DeliveryStore;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.CountInArea;
import nl.bdss.kernel.identity.Postcode;
import org.springframework.stereotype.Component;

/** The delivered counts of a dataset that lie in a contract's service area (R6, R11). */
@Component
class ServiceAreaCounts {

    private final DeliveryStore deliveries;

    ServiceAreaCounts(DeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    List<CountInArea> of(UUID datasetId, ContractTerms terms) {
        Set<String> pc4Areas = terms.serviceArea().stream().map(Postcode::pc4).collect(Collectors.toSet());
        return deliveries.countsIn(datasetId, pc4Areas).stream()
                .filter(row -> terms.serviceArea().stream().anyMatch(area -> area.contains(row.postcode())))
                .map(row -> new CountInArea(row.uzovi(), row.postcode(), row.insuredCount()))
                .toList();
    }
}
