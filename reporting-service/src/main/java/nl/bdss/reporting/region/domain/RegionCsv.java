package nl.bdss.reporting.region.domain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.kernel.identity.Postcode;

/**
 * Reads region reference data as CSV with the header {@code region,pc4From,pc4To}; lines starting with {@code #}
 * are comments. Every bad value is named with its line; a file with any of them gives no map, so nothing of a bad
 * upload is stored.
 */
public final class RegionCsv {

    static final String HEADER = "region,pc4From,pc4To";

    /** The regions of a file, or what is wrong with it (then no map). */
    public record Read(Optional<RegionMap> map, List<Violation> violations) {

        public Read {
            violations = List.copyOf(violations);
        }
    }

    private RegionCsv() {
    }

    public static Read read(String csv) {
        List<String> lines = csv == null ? List.of() : csv.lines().map(String::strip).toList();
        List<Violation> violations = new ArrayList<>();
        Map<Pc4Range, Integer> lineOf = new IdentityHashMap<>();
        List<Pc4Range> ranges = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                    return refused(new Violation("header", Violation.FORM, "must be " + HEADER).onLine(lineNumber));
                }
                headerSeen = true;
                continue;
            }
            List<Violation> ofLine = new ArrayList<>();
            Pc4Range range = range(line.split(",", -1), ofLine);
            if (range != null) {
                ranges.add(range);
                lineOf.put(range, lineNumber);
            }
            ofLine.forEach(violation -> violations.add(violation.onLine(lineNumber)));
        }
        if (!headerSeen) {
            return refused(new Violation("header", Violation.FORM,
                    "the first line that is not a comment must be " + HEADER));
        }
        RegionMap.overlaps(ranges).forEach(overlap -> violations.add(
                new Violation("pc4From", "R6", overlap.message()).onLine(lineOf.get(overlap.range()))));
        if (ranges.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation("body", Violation.FORM, "no ranges after the header"));
        }
        return violations.isEmpty() ? new Read(Optional.of(new RegionMap(ranges)), List.of())
                : new Read(Optional.empty(), violations);
    }

    private static Read refused(Violation violation) {
        return new Read(Optional.empty(), List.of(violation));
    }

    /** The range of one line, or null when something is wrong with it, added to {@code violations}. */
    private static Pc4Range range(String[] cells, List<Violation> violations) {
        if (cells.length != 3) {
            violations.add(new Violation("", Violation.FORM, "expected 3 fields (" + HEADER + "), found " + cells.length));
            return null;
        }
        Pc4Range.checkRegion(cells[0]).ifPresent(violations::add);
        Integer from = pc4(cells[1].strip(), "pc4From", violations);
        Integer to = pc4(cells[2].strip(), "pc4To", violations);
        if (from != null && to != null) {
            Pc4Range.checkTo(from, to).ifPresent(violations::add);
        }
        return violations.isEmpty() ? new Pc4Range(cells[0], from, to) : null;
    }

    private static Integer pc4(String value, String field, List<Violation> violations) {
        Postcode postcode = Postcode.parseOrNull(value);
        if (postcode == null || !postcode.pc4Area()) {
            violations.add(new Violation(field, Violation.FORM, "not a four-digit postcode: " + value));
            return null;
        }
        return Integer.parseInt(postcode.value());
    }
}
