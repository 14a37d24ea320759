package nl.bdss.reporting.sectorload.domain;

import java.time.LocalDate;
import java.util.Objects;
import nl.bdss.reporting.mbi.domain.SectorYear;

/**
 * A settled amount that loads one Zvw sector's macro budget (R17, R18): a lump-sum payment instruction, or a
 * correction of one (negative when credited). Only what reporting needs of the settlement entry.
 */
public record SettledEntry(String entryId, String contractId, long sequence, Kind kind, String correctsEntryId,
        LocalDate periodStart, LocalDate periodEnd, String uzovi, String payeeAgb, String sector, long amountCents,
        int allocationVersion) {

    public enum Kind { LUMP_SUM, CORRECTION }

    public SettledEntry {
        requireText(entryId, "entryId");
        requireText(contractId, "contractId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("periodEnd: before periodStart in entry " + entryId);
        }
        if (periodEnd.getYear() != periodStart.getYear()) {
            throw new IllegalArgumentException("periodEnd: a settlement period (month, quarter or year) lies within one "
                    + "calendar year, so its load belongs to one year's macro budget (R18); entry " + entryId);
        }
        if (kind == Kind.CORRECTION && (correctsEntryId == null || correctsEntryId.isBlank())) {
            throw new IllegalArgumentException("correctsEntryId: a correction names the entry it corrects; entry " + entryId);
        }
        requireText(uzovi, "uzovi");
        requireText(payeeAgb, "payeeAgb");
        requireText(sector, "sector");
    }

    /** The macro-budget year this amount loads: the year of its settlement period. */
    public SectorYear sectorYear() {
        return new SectorYear(sector, periodStart.getYear());
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }
}
