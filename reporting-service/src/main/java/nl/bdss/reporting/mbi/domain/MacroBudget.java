package nl.bdss.reporting.mbi.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A Zvw sector's macro budget for one year, as dated reference data with its source (R18, R21). */
public record MacroBudget(SectorYear sectorYear, long amountCents, String source, LocalDate date) {

    public MacroBudget {
        Objects.requireNonNull(sectorYear, "sectorYear");
        Stream.of(checkAmount(amountCents), checkSource(source), checkDate(date)).flatMap(Optional::stream).findFirst()
                .ifPresent(violation -> {
                    throw new IllegalArgumentException(violation.field() + ": " + violation.message());
                });
    }

    /** What is wrong with the amount (field {@code amountCents}), if anything. */
    public static Optional<Violation> checkAmount(long amountCents) {
        if (amountCents <= 0) {
            return Optional.of(new Violation("amountCents", "R18",
                    "a macro budget is a positive amount in euro cents (R18), was " + amountCents));
        }
        return Optional.empty();
    }

    /** What is wrong with the source (field {@code source}), if anything. */
    public static Optional<Violation> checkSource(String source) {
        if (source == null || source.isBlank()) {
            return Optional.of(new Violation("source", "R18", "where the figure comes from is required (R18)"));
        }
        if (source.length() > 500) {
            return Optional.of(new Violation("source", Violation.FORM, "at most 500 characters, was " + source.length()));
        }
        return Optional.empty();
    }

    /** What is wrong with the date of the figure (field {@code date}), if anything. */
    public static Optional<Violation> checkDate(LocalDate date) {
        if (date == null) {
            return Optional.of(new Violation("date", "R18", "the date of the figure is required (R18)"));
        }
        return Optional.empty();
    }
}
