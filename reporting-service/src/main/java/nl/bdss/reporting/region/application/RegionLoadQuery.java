package nl.bdss.reporting.region.application;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.bdss.reporting.region.domain.RegionLoadCalculator;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.ContractAmounts;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.RegionLoad;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The load per region in a year, from the contracts' service areas and their settled and committed Zvw amounts. */
@Service
@Transactional(readOnly = true)
public class RegionLoadQuery {

    public record RegionLoads(int year, long settledCents, long committedCents, List<RegionLoad> regions) {
    }

    private final RegionLoadReadings readings;
    private final RegionReference reference;

    RegionLoadQuery(RegionLoadReadings readings, RegionReference reference) {
        this.readings = readings;
        this.reference = reference;
    }

    public RegionLoads ofYear(int year) {
        Map<String, Long> settled = readings.settledPerContract(year);
        Map<String, Long> committed = readings.committedZvwPerContract(year);
        TreeSet<String> contractIds = new TreeSet<>(settled.keySet());
        contractIds.addAll(committed.keySet());
        Map<String, List<String>> serviceAreas = readings.serviceAreas();
        List<ContractAmounts> contracts = contractIds.stream()
                .map(id -> new ContractAmounts(id, serviceAreas.getOrDefault(id, List.of()), settled.getOrDefault(id, 0L),
                        committed.getOrDefault(id, 0L)))
                .toList();
        List<RegionLoad> regions = RegionLoadCalculator.loads(reference.current(), contracts);
        return new RegionLoads(year, regions.stream().mapToLong(RegionLoad::settledCents).sum(),
                regions.stream().mapToLong(RegionLoad::committedCents).sum(), regions);
    }
}
