package nl.bdss.reporting.operations.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.reporting.operations.domain.Partition;
import nl.bdss.reporting.operations.domain.TopicStatus;
import org.springframework.stereotype.Service;

/** Consumer lag and dead-letter counts per consumed topic, for the operator dashboard. */
@Service
public class MessagingStatus {

    private final ConsumerGroup group;

    MessagingStatus(ConsumerGroup group) {
        this.group = group;
    }

    public List<TopicStatus> topics() {
        Map<Partition, Long> committed = group.committedOffsets();
        List<TopicStatus> status = new ArrayList<>();
        for (String topic : group.consumedTopics()) {
            String deadLetterTopic = group.deadLetterTopic(topic);
            status.add(TopicStatus.of(topic, group.offsets(topic), committed, deadLetterTopic,
                    group.offsets(deadLetterTopic)));
        }
        return status;
    }
}
