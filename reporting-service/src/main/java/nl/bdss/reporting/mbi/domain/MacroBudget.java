package nl.bdss.reporting.mbi.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A Zvw sector's macro budget for one year, as dated reference data with its source (R18, R21). */
public record MacroBudget(SectorYear sectorYear, long amountCents, String source, LocalDate date) {

    public MacroBudget {
        Objects.requireNonNull(sectorYear, "sectorYear");
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amountCents: a macro budget is a positive amount in euro cents (R18), was "
                    + amountCents);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source: where the figure comes from is required (R18)");
        }
        if (source.length() > 500) {
            throw new IllegalArgumentException("source: at most 500 characters");
        }
        if (date == null) {
            throw new IllegalArgumentException("date: the date of the figure is required (R18)");
        }
    }
}
