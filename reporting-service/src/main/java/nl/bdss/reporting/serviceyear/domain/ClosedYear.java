package nl.bdss.reporting.serviceyear.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A service year an operator closed in settlement-service (ServiceYearClosed): from then on every entry for a period
 * of this year is booked in a later, open year and names this year as its service year (DOMAIN.md, accounting per
 * year).
 */
public record ClosedYear(int serviceYear, Instant closedAt, String closedBy, String reason) {

    public ClosedYear {
        Objects.requireNonNull(closedAt, "closedAt");
        if (closedBy == null || closedBy.isBlank()) {
            throw new IllegalArgumentException("closedBy: required");
        }
    }
}
