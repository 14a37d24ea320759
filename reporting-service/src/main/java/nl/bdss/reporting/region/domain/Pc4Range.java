package nl.bdss.reporting.region.domain;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.bdss.kernel.identity.Postcode;

/** A range of Dutch four-digit postcodes (PC4, 1000-9999, both ends inclusive) that lies in one region. */
public record Pc4Range(String region, int from, int to) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}0-9 .'()-]{0,99}");

    public Pc4Range {
        Stream.of(checkRegion(region), checkFrom(from), checkTo(from, to)).flatMap(Optional::stream).findFirst()
                .ifPresent(violation -> {
                    throw new IllegalArgumentException(violation.field() + ": " + violation.message());
                });
        region = region.strip();
    }

    /** What is wrong with the region's name (field {@code region}), if anything. */
    public static Optional<Violation> checkRegion(String region) {
        if (region == null || !NAME.matcher(region.strip()).matches()) {
            return Optional.of(new Violation("region", Violation.FORM,
                    "a name of 1 to 100 letters, digits, spaces or .'()-, was " + region));
        }
        return Optional.empty();
    }

    private static Optional<Violation> checkFrom(int from) {
        if (!isPc4(from)) {
            return Optional.of(new Violation("pc4From", Violation.FORM, "a four-digit postcode 1000-9999, was " + from));
        }
        return Optional.empty();
    }

    /** What is wrong with the last postcode (field {@code pc4To}), if anything. */
    public static Optional<Violation> checkTo(int from, int to) {
        if (to < from || !isPc4(to)) {
            return Optional.of(new Violation("pc4To", Violation.FORM,
                    "a four-digit postcode from pc4From (" + from + ") to 9999, was " + to));
        }
        return Optional.empty();
    }

    /** Whether the number is a PC4 postcode by the kernel's rule (four digits, not starting with 0). */
    static boolean isPc4(int value) {
        Postcode postcode = Postcode.parseOrNull(Integer.toString(value));
        return postcode != null && postcode.pc4Area();
    }

    /** Whether the postcode's PC4 area lies in the range. */
    public boolean contains(Postcode postcode) {
        int pc4 = Integer.parseInt(postcode.pc4());
        return pc4 >= from && pc4 <= to;
    }
}
