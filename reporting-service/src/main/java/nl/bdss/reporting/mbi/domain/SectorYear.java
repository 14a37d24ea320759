package nl.bdss.reporting.mbi.domain;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One Zvw sector's macro budget in one calendar year: the unit the title's costs load (R17, R18). */
public record SectorYear(String sector, int year) {

    private static final Pattern SECTOR = Pattern.compile("[A-Z][A-Z0-9_]{1,99}");

    public SectorYear {
        Stream.of(checkSector(sector), checkYear(year)).flatMap(Optional::stream).findFirst().ifPresent(violation -> {
            throw new IllegalArgumentException(violation.field() + ": " + violation.message());
        });
    }

    /** What is wrong with the sector code (field {@code sector}), if anything. */
    public static Optional<Violation> checkSector(String sector) {
        if (sector == null || !SECTOR.matcher(sector).matches()) {
            return Optional.of(new Violation("sector", "R17",
                    "a Zvw sector code in capitals, e.g. HUISARTSENZORG (R17), was " + sector));
        }
        return Optional.empty();
    }

    /** What is wrong with the year (field {@code year}), if anything. */
    public static Optional<Violation> checkYear(int year) {
        if (year < 2000 || year > 2200) {
            return Optional.of(new Violation("year", Violation.FORM,
                    "must be a calendar year between 2000 and 2200, was " + year));
        }
        return Optional.empty();
    }

    /** The key of this sector's events on the sector-load topic: {@code SECTOR|YEAR}. */
    public String key() {
        return sector + "|" + year;
    }
}
