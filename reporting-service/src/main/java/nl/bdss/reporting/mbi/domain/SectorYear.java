package nl.bdss.reporting.mbi.domain;

import java.util.regex.Pattern;

/** One Zvw sector's macro budget in one calendar year: the unit the title's costs load (R17, R18). */
public record SectorYear(String sector, int year) {

    private static final Pattern SECTOR = Pattern.compile("[A-Z][A-Z0-9_]{1,99}");

    public SectorYear {
        if (sector == null || !SECTOR.matcher(sector).matches()) {
            throw new IllegalArgumentException("sector: a Zvw sector code in capitals, e.g. HUISARTSENZORG (R17), was " + sector);
        }
        if (year < 2000 || year > 2200) {
            throw new IllegalArgumentException("year: must be a calendar year between 2000 and 2200, was " + year);
        }
    }

    /** The key of this sector's events on the sector-load topic: {@code SECTOR|YEAR}. */
    public String key() {
        return sector + "|" + year;
    }
}
