package nl.bdss.reporting.privacy.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cells of one breakdown of a total (the sectors of a year's settled load, the regions of its load, ...), each
 * with the contracts it rests on, and which of them an audience is not shown.
 *
 * <ul>
 *   <li>primary: every cell the audience withholds ({@link Audience#withholds});</li>
 *   <li>secondary: when the withheld cells together would again be a small cell (their sum is the total, or the
 *       total of the other breakdown of the same figure, minus the cells shown), the shown cell with the fewest other
 *       parties' contracts is withheld too (ties: the first key), so what the withheld cells add up to rests on at
 *       least the minimum;</li>
 *   <li>the total is withheld when the whole breakdown rests on too few other parties' contracts; then every cell
 *       with other parties' contracts is withheld as well.</li>
 * </ul>
 *
 * @param <K> the cell key (a sector, a region)
 */
public final class Partition<K extends Comparable<K>> {

    private final SortedMap<K, Set<String>> cells;

    public Partition(Map<K, ? extends Collection<String>> cells) {
        this.cells = new TreeMap<>();
        cells.forEach((key, contracts) -> this.cells.put(key, Set.copyOf(contracts)));
    }

    /** What an audience is not shown of this breakdown. */
    public record Withheld<K>(Set<K> cells, boolean total) {

        public Withheld {
            cells = Set.copyOf(cells);
        }

        public boolean cell(K key) {
            return cells.contains(key);
        }

        public boolean any() {
            return total || !cells.isEmpty();
        }
    }

    public Withheld<K> withheldFrom(Audience audience) {
        return withheldFrom(audience, Set.of());
    }

    /**
     * What an audience is not shown of this breakdown when the cells {@code alsoWithheld} are withheld besides those
     * resting on too few contracts (because another breakdown or view would give them away); they count as primary.
     */
    public Withheld<K> withheldFrom(Audience audience, Set<K> alsoWithheld) {
        if (audience.seesEverything()) {
            return new Withheld<>(Set.of(), false);
        }
        Set<K> withheld = new TreeSet<>();
        alsoWithheld.stream().filter(cells::containsKey).forEach(withheld::add);
        cells.forEach((key, contracts) -> {
            if (audience.withholds(contracts)) {
                withheld.add(key);
            }
        });
        if (!withheld.isEmpty() && audience.withholds(contractsOf(withheld))) {
            cells.entrySet().stream()
                    .filter(cell -> !withheld.contains(cell.getKey()) && audience.othersAmong(cell.getValue()) > 0)
                    .min((a, b) -> {
                        int byOthers = Long.compare(audience.othersAmong(a.getValue()),
                                audience.othersAmong(b.getValue()));
                        return byOthers != 0 ? byOthers : a.getKey().compareTo(b.getKey());
                    })
                    .ifPresent(cell -> withheld.add(cell.getKey()));
        }
        return new Withheld<>(withheld, audience.withholds(contractsOf(cells.keySet())));
    }

    private Set<String> contractsOf(Set<K> keys) {
        Set<String> contracts = new HashSet<>();
        keys.forEach(key -> contracts.addAll(cells.get(key)));
        return contracts;
    }
}
