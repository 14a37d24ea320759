package nl.bdss.reporting.region.domain;

import java.util.regex.Pattern;

/** A range of Dutch four-digit postcodes (PC4, 1000-9999, both ends inclusive) that lies in one region. */
public record Pc4Range(String region, int from, int to) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}0-9 .'()-]{0,99}");

    public Pc4Range {
        if (region == null || !NAME.matcher(region.strip()).matches()) {
            throw new IllegalArgumentException("region: a name of 1 to 100 letters, digits, spaces or .'()-, was " + region);
        }
        region = region.strip();
        if (from < 1000 || from > 9999) {
            throw new IllegalArgumentException("pc4From: a four-digit postcode 1000-9999, was " + from);
        }
        if (to < from || to > 9999) {
            throw new IllegalArgumentException("pc4To: a four-digit postcode from pc4From (" + from + ") to 9999, was " + to);
        }
    }

    public boolean contains(int pc4) {
        return pc4 >= from && pc4 <= to;
    }
}
