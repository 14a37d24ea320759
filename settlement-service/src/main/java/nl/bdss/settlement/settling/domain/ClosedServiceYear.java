package nl.bdss.settlement.settling.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A closed service year: who closed it, when, why, and its figures as closed per insurer and sector. */
public record ClosedServiceYear(int year, String closedBy, Instant closedAt, String reason, List<YearTotal> totals) {

    public ClosedServiceYear {
        Objects.requireNonNull(closedBy, "closedBy is required");
        Objects.requireNonNull(closedAt, "closedAt is required");
        totals = List.copyOf(totals);
    }
}
