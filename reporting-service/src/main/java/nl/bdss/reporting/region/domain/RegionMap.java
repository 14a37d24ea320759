package nl.bdss.reporting.region.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.bdss.kernel.identity.Postcode;

/** The regions as non-overlapping PC4 ranges: which region a service-area postcode (R6) lies in. */
public final class RegionMap {

    /** Where a postcode goes that lies in no range or is not a Dutch postcode. */
    public static final String UNASSIGNED = "UNASSIGNED";

    /** A range that starts inside the range before it: a postcode would lie in two regions. */
    public record Overlap(Pc4Range range, Pc4Range previous) {

        public String message() {
            return "range " + range.from() + "-" + range.to() + " (" + range.region() + ") overlaps " + previous.from()
                    + "-" + previous.to() + " (" + previous.region() + "): a service-area postcode (R6) lies in one region";
        }
    }

    private final List<Pc4Range> ranges;

    public RegionMap(List<Pc4Range> ranges) {
        List<Overlap> overlaps = overlaps(ranges);
        if (!overlaps.isEmpty()) {
            throw new IllegalArgumentException("pc4From: " + overlaps.get(0).message());
        }
        this.ranges = List.copyOf(sorted(ranges));
    }

    /** Every range that overlaps the range before it, the ranges taken by their first postcode. */
    public static List<Overlap> overlaps(List<Pc4Range> ranges) {
        List<Pc4Range> sorted = sorted(ranges);
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from() <= sorted.get(i - 1).to()) {
                overlaps.add(new Overlap(sorted.get(i), sorted.get(i - 1)));
            }
        }
        return overlaps;
    }

    private static List<Pc4Range> sorted(List<Pc4Range> ranges) {
        List<Pc4Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Pc4Range::from));
        return sorted;
    }

    public List<Pc4Range> ranges() {
        return ranges;
    }

    public SortedSet<String> regions() {
        SortedSet<String> regions = new TreeSet<>();
        ranges.forEach(range -> regions.add(range.region()));
        return regions;
    }

    /**
     * The region of a PC4 ({@code 1234}) or PC6 ({@code 1234AB}, {@code 1234 ab}) postcode, if it is one by the
     * kernel's rule and lies in a range.
     */
    public Optional<String> regionOf(String postcode) {
        return Postcode.parse(postcode).flatMap(this::regionOf);
    }

    public Optional<String> regionOf(Postcode postcode) {
        return ranges.stream().filter(range -> range.contains(postcode)).map(Pc4Range::region).findFirst();
    }
}
