package nl.bdss.reporting.region.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The regions as non-overlapping PC4 ranges: which region a service-area postcode (R6) lies in. */
public final class RegionMap {

    /** Where a postcode goes that lies in no range or is not a Dutch postcode. */
    public static final String UNASSIGNED = "UNASSIGNED";

    private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})?");

    private final List<Pc4Range> ranges;

    public RegionMap(List<Pc4Range> ranges) {
        List<Pc4Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Pc4Range::from));
        for (int i = 1; i < sorted.size(); i++) {
            Pc4Range previous = sorted.get(i - 1);
            Pc4Range range = sorted.get(i);
            if (range.from() <= previous.to()) {
                throw new IllegalArgumentException("pc4From: range " + range.from() + "-" + range.to() + " (" + range.region()
                        + ") overlaps " + previous.from() + "-" + previous.to() + " (" + previous.region() + ")");
            }
        }
        this.ranges = List.copyOf(sorted);
    }

    public List<Pc4Range> ranges() {
        return ranges;
    }

    public SortedSet<String> regions() {
        SortedSet<String> regions = new TreeSet<>();
        ranges.forEach(range -> regions.add(range.region()));
        return regions;
    }

    /** The region of a PC4 ({@code 1234}) or PC6 ({@code 1234AB}, {@code 1234 AB}) postcode, if it lies in a range. */
    public Optional<String> regionOf(String postcode) {
        Matcher matcher = POSTCODE.matcher(postcode == null ? "" : postcode.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int pc4 = Integer.parseInt(matcher.group(1));
        return ranges.stream().filter(range -> range.contains(pc4)).map(Pc4Range::region).findFirst();
    }

    /** The region of the postcode, {@link #UNASSIGNED} when it has none. */
    public String regionOrUnassigned(String postcode) {
        return regionOf(postcode).orElse(UNASSIGNED);
    }
}
