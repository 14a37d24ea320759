package nl.bdss.reporting.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.events.Topic;
import nl.bdss.events.Topics;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Consumer lag and dead-letter counts per consumed topic, for the operator dashboard. */
@Service
public class MessagingStatus {

    static final List<Topic<?>> CONSUMED = List.of(Topics.CONTRACT_VERSIONS, Topics.ALLOCATIONS, Topics.SETTLEMENTS);

    public record TopicStatus(String topic, long endOffset, long consumerLag, String deadLetterTopic, long deadLetters) {
    }

    private final KafkaAdmin kafka;
    private final String group;

    MessagingStatus(KafkaAdmin kafka, @Value("${spring.application.name}") String group) {
        this.kafka = kafka;
        this.group = group;
    }

    public List<TopicStatus> topics() throws Exception {
        Map<TopicPartition, Long> committed = kafka.committed(group);
        List<TopicStatus> status = new ArrayList<>();
        for (Topic<?> topic : CONSUMED) {
            List<TopicPartition> partitions = kafka.partitions(topic.name());
            Map<TopicPartition, Long> ends = kafka.offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = kafka.offsets(partitions, OffsetSpec.earliest());
            long end = ends.values().stream().mapToLong(Long::longValue).sum();
            long lag = ends.entrySet().stream()
                    .mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), starts.getOrDefault(e.getKey(), 0L)))
                    .sum();
            String deadLetterTopic = topic.name() + "." + group + ".dlt";
            List<TopicPartition> dltPartitions = kafka.partitions(deadLetterTopic);
            Map<TopicPartition, Long> dltEnds = kafka.offsets(dltPartitions, OffsetSpec.latest());
            Map<TopicPartition, Long> dltStarts = kafka.offsets(dltPartitions, OffsetSpec.earliest());
            long deadLetters = dltEnds.entrySet().stream()
                    .mapToLong(e -> e.getValue() - dltStarts.getOrDefault(e.getKey(), 0L)).sum();
            status.add(new TopicStatus(topic.name(), end, lag, deadLetterTopic, deadLetters));
        }
        return status;
    }
}
