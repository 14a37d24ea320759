package nl.bdss.reporting.operations.domain;

import java.util.Map;

/** A consumed topic for the operators: its end offset, the group's lag on it and the events parked as dead letters. */
public record TopicStatus(String topic, long endOffset, long consumerLag, String deadLetterTopic, long deadLetters) {

    /**
     * The status from the offsets of the topic and its dead-letter topic and the group's committed offsets; a
     * partition the group never committed on lags from its earliest offset.
     */
    public static TopicStatus of(String topic, Map<Partition, OffsetRange> offsets, Map<Partition, Long> committed,
            String deadLetterTopic, Map<Partition, OffsetRange> deadLetterOffsets) {
        long end = offsets.values().stream().mapToLong(OffsetRange::end).sum();
        long lag = offsets.entrySet().stream()
                .mapToLong(e -> e.getValue().end() - committed.getOrDefault(e.getKey(), e.getValue().earliest()))
                .sum();
        long deadLetters = deadLetterOffsets.values().stream().mapToLong(OffsetRange::size).sum();
        return new TopicStatus(topic, end, lag, deadLetterTopic, deadLetters);
    }
}
