package nl.bdss.reporting.region.domain;

import java.util.regex.Pattern;
import nl.bdss.kernel.identity.Postcode;

/** A range of Dutch four-digit postcodes (PC4, 1000-9999, both ends inclusive) that lies in one region. */
public record Pc4Range(String region, int from, int to) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}0-9 .'()-]{0,99}");

    public Pc4Range {
        if (region == null || !NAME.matcher(region.strip()).matches()) {
            throw new IllegalArgumentException("region: a name of 1 to 100 letters, digits, spaces or .'()-, was " + region);
        }
        region = region.strip();
        if (!isPc4(from)) {
            throw new IllegalArgumentException("pc4From: a four-digit postcode 1000-9999, was " + from);
        }
        if (to < from || !isPc4(to)) {
            throw new IllegalArgumentException("pc4To: a four-digit postcode from pc4From (" + from + ") to 9999, was " + to);
        }
    }

    /** Whether the number is a PC4 postcode by the kernel's rule (four digits, not starting with 0). */
    static boolean isPc4(int value) {
        Postcode postcode = Postcode.parseOrNull(Integer.toString(value));
        return postcode != null && postcode.isPc4();
    }

    /** Whether the postcode's PC4 area lies in the range. */
    public boolean contains(Postcode postcode) {
        int pc4 = Integer.parseInt(postcode.pc4());
        return pc4 >= from && pc4 <= to;
    }
}
