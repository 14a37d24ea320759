package nl.bdss.allocation.counts.domain;

/** Why a line of a delivery was refused; line 1 is the header. */
public record LineError(long line, String field, String message) {
}
