package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A settlement period with its exact lines. The lines plus {@code unfundedCents} add up to the period amount;
 * {@code unfundedCents} is the Zvw part of non-participating insurers, which no one pays, and is 0 unless the
 * market shares are normalised over all insurers in the area (R11).
 */
public record AllocatedPeriod(LocalDate start, LocalDate end, long amountCents, List<AllocationLine> lines,
        long unfundedCents) {

    public AllocatedPeriod {
        lines = List.copyOf(lines);
        if (unfundedCents < 0) {
            throw new IllegalArgumentException("an unfunded amount is never negative");
        }
    }

    public AllocatedPeriod(LocalDate start, LocalDate end, long amountCents, List<AllocationLine> lines) {
        this(start, end, amountCents, lines, 0);
    }
}
