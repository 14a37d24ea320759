package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;

/** A settlement period with its exact lines; the lines add up to the period amount. */
public record AllocatedPeriod(LocalDate start, LocalDate end, long amountCents, List<AllocationLine> lines) {

    public AllocatedPeriod {
        lines = List.copyOf(lines);
    }
}
