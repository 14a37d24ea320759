package nl.bdss.reporting.region.domain;

import java.util.ArrayList;
import java.util.List;
import nl.bdss.kernel.identity.Postcode;

/**
 * Reads region reference data as CSV with the header {@code region,pc4From,pc4To}; lines starting with {@code #}
 * are comments. The whole file is refused on the first bad line, so nothing of a bad upload is stored.
 */
public final class RegionCsv {

    static final String HEADER = "region,pc4From,pc4To";

    private RegionCsv() {
    }

    public static RegionMap parse(String csv) {
        List<String> lines = csv == null ? List.of() : csv.lines().map(String::strip).toList();
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
                    throw new IllegalArgumentException("header: line " + lineNumber + " must be " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected 3 fields (" + HEADER + "), found " + cells.length);
            }
            try {
                ranges.add(new Pc4Range(cells[0], pc4(cells[1], "pc4From"), pc4(cells[2], "pc4To")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("header: the first line that is not a comment must be " + HEADER);
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("body: no ranges after the header");
        }
        return new RegionMap(ranges);
    }

    private static int pc4(String value, String field) {
        Postcode postcode = Postcode.parseOrNull(value.strip());
        if (postcode == null || !postcode.isPc4()) {
            throw new IllegalArgumentException(field + ": not a four-digit postcode: " + value.strip());
        }
        return Integer.parseInt(postcode.value());
    }
}
