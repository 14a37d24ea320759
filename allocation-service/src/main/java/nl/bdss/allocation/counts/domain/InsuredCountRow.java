package nl.bdss.allocation.counts.domain;

import java.time.LocalDate;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;

/** One validated line of a delivery: the insureds of one insurer in one postcode on the reference date (R11). */
public record InsuredCountRow(long line, Uzovi uzovi, Postcode postcode, LocalDate referenceDate, long insuredCount) {

    public InsuredCountRow {
        if (insuredCount < 0) {
            throw new IllegalArgumentException("insured count must not be negative");
        }
    }
}
