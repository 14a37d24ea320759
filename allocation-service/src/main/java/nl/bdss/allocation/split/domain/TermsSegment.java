package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import nl.bdss.kernel.time.Period;

/** The terms that apply during {@code period} (both ends inclusive). */
public record TermsSegment(Period period, ContractTerms terms) {

    public TermsSegment {
        if (period == null || terms == null) {
            throw new IllegalArgumentException("a terms segment needs its period and terms");
        }
    }

    public LocalDate from() {
        return period.start();
    }

    public LocalDate until() {
        return period.end();
    }
}
