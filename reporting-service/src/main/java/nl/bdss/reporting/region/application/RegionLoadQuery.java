package nl.bdss.reporting.region.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.bdss.reporting.privacy.domain.Audience;
import nl.bdss.reporting.region.domain.RegionLoadCalculator;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.ContractAmounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The load per region in a year, from the contracts' service areas and their settled and committed Zvw amounts. An
 * insurer is not shown the figures that rest on one or two contracts of other parties
 * ({@link RegionLoadCalculator#shown}): null, and the object holding them says {@code "suppressed": true}.
 */
@Service
@Transactional(readOnly = true)
public class RegionLoadQuery {

    /** {@code suppressed}: true when any figure of the answer is withheld (null); absent otherwise. */
    public record RegionLoads(int year, @JsonInclude(Include.ALWAYS) Long settledCents,
            @JsonInclude(Include.ALWAYS) Long committedCents, List<Region> regions, Boolean suppressed) {
    }

    public record Region(String region, @JsonInclude(Include.ALWAYS) Long settledCents,
            @JsonInclude(Include.ALWAYS) Long committedCents, @JsonInclude(Include.ALWAYS) Long contractCount,
            Boolean suppressed) {
    }

    private final RegionLoadReadings readings;
    private final RegionReference reference;

    RegionLoadQuery(RegionLoadReadings readings, RegionReference reference) {
        this.readings = readings;
        this.reference = reference;
    }

    public RegionLoads ofYear(int year, Audience audience) {
        Map<String, Long> settled = readings.settledPerContract(year);
        Map<String, Long> committed = readings.committedZvwPerContract(year);
        TreeSet<String> contractIds = new TreeSet<>(settled.keySet());
        contractIds.addAll(committed.keySet());
        Map<String, List<String>> serviceAreas = readings.serviceAreas();
        List<ContractAmounts> contracts = contractIds.stream()
                .map(id -> new ContractAmounts(id, serviceAreas.getOrDefault(id, List.of()), settled.getOrDefault(id, 0L),
                        committed.getOrDefault(id, 0L)))
                .toList();
        RegionLoadCalculator.Shown shown = RegionLoadCalculator.shown(reference.current(), contracts, audience);
        return new RegionLoads(year, shown.settledCents(), shown.committedCents(), shown.regions().stream()
                .map(r -> new Region(r.region(), r.settledCents(), r.committedCents(), r.contractCount(),
                        r.suppressed() ? Boolean.TRUE : null))
                .toList(), shown.suppressed() ? Boolean.TRUE : null);
    }
}
