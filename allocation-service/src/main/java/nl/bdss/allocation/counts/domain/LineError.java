package nl.bdss.allocation.counts.domain;

/**
 * Why a row of a delivery was refused. For CSV, {@code line} is the line number (line 1 is the header) and
 * {@code field} the column; for JSON, {@code line} is absent and {@code field} names the array element, e.g.
 * {@code counts[3].postcode}.
 */
public record LineError(Long line, String field, String message) {
}
