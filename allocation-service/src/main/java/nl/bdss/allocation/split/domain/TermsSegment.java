package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The terms that apply from {@code from} to {@code until}, both inclusive. */
public record TermsSegment(LocalDate from, LocalDate until, ContractTerms terms) {

    public TermsSegment {
        if (from == null || until == null || until.isBefore(from) || terms == null) {
            throw new IllegalArgumentException("a terms segment needs terms and from <= until, got " + from + ".." + until);
        }
    }

    /** The number of days of this segment within {@code start..end} (inclusive), 0 if they do not overlap. */
    long daysWithin(LocalDate start, LocalDate end) {
        LocalDate a = from.isAfter(start) ? from : start;
        LocalDate b = until.isBefore(end) ? until : end;
        return b.isBefore(a) ? 0 : ChronoUnit.DAYS.between(a, b) + 1;
    }
}
