package nl.bdss.reporting.operations.domain;

/** One partition of a topic. */
public record Partition(String topic, int partition) {
}
