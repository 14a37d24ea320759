package nl.bdss.reporting.operations.application;

import java.util.List;
import java.util.Map;
import nl.bdss.reporting.operations.domain.OffsetRange;
import nl.bdss.reporting.operations.domain.Partition;

/**
 * The service's consumer group on the broker (port): the topics it consumes, their offsets and its own, and its
 * listeners. Every method throws {@link BrokerUnavailableException} when the broker does not answer.
 */
public interface ConsumerGroup {

    /** The topics the service consumes, always in the same order. */
    List<String> consumedTopics();

    /** Where the group parks the events of the topic it could not apply. */
    String deadLetterTopic(String topic);

    /** The offsets per partition of the topic; empty when the topic does not exist (yet). */
    Map<Partition, OffsetRange> offsets(String topic);

    /** The group's committed offsets. */
    Map<Partition, Long> committedOffsets();

    /** Moves the group's offsets on the consumed topics to their earliest; the listeners must be stopped. */
    void rewindToEarliest();

    void stopListening();

    void startListening();
}
