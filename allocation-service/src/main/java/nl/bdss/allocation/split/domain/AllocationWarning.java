package nl.bdss.allocation.split.domain;

/** A finding that does not stop the allocation, e.g. R15; {@code rule} names the domain rule. */
public record AllocationWarning(String rule, String message) {
}
