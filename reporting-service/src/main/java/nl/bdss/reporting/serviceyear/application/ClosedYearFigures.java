package nl.bdss.reporting.serviceyear.application;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.bdss.reporting.privacy.application.CellContracts;
import nl.bdss.reporting.privacy.domain.Audience;
import nl.bdss.reporting.privacy.domain.Partition;
import nl.bdss.reporting.serviceyear.domain.ClosedSplit;
import nl.bdss.reporting.serviceyear.domain.ClosedYear;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A closed service year's settled amounts per sector as closed and the later corrections, as an audience is shown
 * them (the service-year view of the sector loads and the NZa monitor). The two parts are one more breakdown of the
 * sector's amount, so the small-cell rule applies to them as to the sectors ({@link Partition}): an insurer is not
 * shown the split of a sector that is withheld, nor a split one of whose parts rests on one or two contracts of other
 * parties (then the other part would give it away as the sector's amount minus the part shown), and then neither part.
 */
@Service
@Transactional(readOnly = true)
public class ClosedYearFigures {

    /** A sector's split as shown: both parts, or both null and {@code suppressed}. */
    public record ShownSplit(Long atCloseCents, Long laterCorrectionsCents, boolean suppressed) {
    }

    /** The close of a year and each sector's split, by sector. */
    public record Closure(ClosedYear year, Map<String, ShownSplit> sectors) {

        /** The sector's split; a sector with no entry in the year has nothing as closed and nothing later. */
        public ShownSplit of(String sector) {
            return sectors.getOrDefault(sector, new ShownSplit(0L, 0L, false));
        }
    }

    private static final String AT_CLOSE = "at close";
    private static final String LATER = "later";

    private final ClosedYears years;
    private final CellContracts cellContracts;

    ClosedYearFigures(ClosedYears years, CellContracts cellContracts) {
        this.years = years;
        this.cellContracts = cellContracts;
    }

    /**
     * The year's close and splits as {@code audience} is shown them, or empty while the year is open.
     *
     * @param sectorsWithheld the sectors whose service-year amount the audience is not shown
     */
    public Optional<Closure> ofYear(int serviceYear, Audience audience, Partition.Withheld<String> sectorsWithheld) {
        return years.find(serviceYear).map(closed -> {
            Map<String, ClosedSplit> splits = years.splitPerSector(serviceYear);
            Set<String> withheld = audience.seesEverything() ? Set.of()
                    : splitsWithheld(serviceYear, audience, splits.keySet());
            Map<String, ShownSplit> shown = new TreeMap<>();
            splits.forEach((sector, split) -> shown.put(sector,
                    withheld.contains(sector) || sectorsWithheld.cell(sector) ? new ShownSplit(null, null, true)
                            : new ShownSplit(split.atCloseCents(), split.laterCorrectionsCents(), false)));
            return new Closure(closed, shown);
        });
    }

    /** Whether the service year is closed. */
    public boolean closed(int serviceYear) {
        return years.find(serviceYear).isPresent();
    }

    /** The service years closed, by year. */
    public Map<Integer, ClosedYear> closedYears() {
        return years.all();
    }

    /**
     * The sectors of the closed service year whose split the audience is not shown, whatever it is shown of their
     * amounts: the booking-year view withholds the parts of these too, which would otherwise give the split away.
     */
    public Set<String> splitsWithheld(int serviceYear, Audience audience, Set<String> sectors) {
        if (audience.seesEverything()) {
            return Set.of();
        }
        Map<String, Set<String>> atClose = cellContracts.atClosePerSector(serviceYear);
        Map<String, Set<String>> later = cellContracts.laterCorrectionsPerSector(serviceYear);
        Set<String> withheld = new TreeSet<>();
        for (String sector : sectors) {
            Partition<String> parts = new Partition<>(Map.of(AT_CLOSE, atClose.getOrDefault(sector, Set.of()),
                    LATER, later.getOrDefault(sector, Set.of())));
            if (parts.withheldFrom(audience).any()) {
                withheld.add(sector);
            }
        }
        return withheld;
    }
}
