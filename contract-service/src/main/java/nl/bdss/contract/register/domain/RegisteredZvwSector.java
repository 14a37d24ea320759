package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the Zvw sector register (R7): a sector's name, whether it is a macro-budget sector (a catch-all such as
 * OVERIGE_ZVW is not) and the days it exists.
 *
 * @param validUntil the last day, inclusive; null while the sector has no end
 */
public record RegisteredZvwSector(ZvwSector sector, String name, boolean macroBudgetSector, LocalDate validFrom,
        LocalDate validUntil) {

    public RegisteredZvwSector {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("sector " + sector + " cannot end (" + validUntil + ") before it starts ("
                    + validFrom + ")");
        }
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
