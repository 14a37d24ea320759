package nl.bdss.reporting.operations.domain;

import java.util.Map;

/** The end offset of one consumed partition when a rebuild started: the rebuild has caught up once it is consumed. */
public record RebuildTarget(String topic, int partition, long endOffset) {

    /**
     * Whether the group's committed offsets reach the target (offsets are committed after each event's transaction,
     * so the read models then hold everything up to here); an empty partition is reached at once.
     */
    public boolean reachedBy(Map<Partition, Long> committed) {
        return endOffset == 0 || committed.getOrDefault(new Partition(topic, partition), 0L) >= endOffset;
    }
}
