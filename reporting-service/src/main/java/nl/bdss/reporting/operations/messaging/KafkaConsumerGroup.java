package nl.bdss.reporting.operations.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nl.bdss.events.Topic;
import nl.bdss.events.Topics;
import nl.bdss.reporting.operations.application.BrokerUnavailableException;
import nl.bdss.reporting.operations.application.ConsumerGroup;
import nl.bdss.reporting.operations.domain.OffsetRange;
import nl.bdss.reporting.operations.domain.Partition;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The service's consumer group, named after the service ({@code spring.application.name}): every listener joins it,
 * so one offset reset rebuilds all read models.
 */
@Component
class KafkaConsumerGroup implements ConsumerGroup {

    static final List<Topic<?>> CONSUMED = List.of(Topics.CONTRACT_VERSIONS, Topics.ALLOCATIONS, Topics.SETTLEMENTS,
            Topics.SERVICE_YEARS);

    private interface BrokerCall<T> {
        T call() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private final KafkaAdmin kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final String group;

    KafkaConsumerGroup(KafkaAdmin kafka, KafkaListenerEndpointRegistry listeners,
            @Value("${spring.application.name}") String group) {
        this.kafka = kafka;
        this.listeners = listeners;
        this.group = group;
    }

    @Override
    public List<String> consumedTopics() {
        return CONSUMED.stream().map(Topic::name).toList();
    }

    @Override
    public String deadLetterTopic(String topic) {
        return topic + "." + group + ".dlt";
    }

    @Override
    public Map<Partition, OffsetRange> offsets(String topic) {
        return ask("reading the offsets of " + topic, () -> {
            List<TopicPartition> partitions = kafka.partitions(topic);
            Map<TopicPartition, Long> ends = kafka.offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = kafka.offsets(partitions, OffsetSpec.earliest());
            Map<Partition, OffsetRange> offsets = new HashMap<>();
            ends.forEach((partition, end) -> offsets.put(partition(partition),
                    new OffsetRange(starts.getOrDefault(partition, 0L), end)));
            return offsets;
        });
    }

    @Override
    public Map<Partition, Long> committedOffsets() {
        return ask("reading the committed offsets of " + group, () -> {
            Map<Partition, Long> committed = new HashMap<>();
            kafka.committed(group).forEach((partition, offset) -> committed.put(partition(partition), offset));
            return committed;
        });
    }

    @Override
    public void rewindToEarliest() {
        ask("moving the offsets of " + group + " to the start", () -> {
            ExecutionException last = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    kafka.resetToEarliest(group, consumedTopics());
                    return null;
                } catch (ExecutionException e) {
                    // the group may still be leaving after the containers stopped
                    last = e;
                    Thread.sleep(500);
                }
            }
            throw last;
        });
    }

    @Override
    public void stopListening() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    }

    @Override
    public void startListening() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    }

    private static Partition partition(TopicPartition partition) {
        return new Partition(partition.topic(), partition.partition());
    }

    private static <T> T ask(String what, BrokerCall<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while " + what, e);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new BrokerUnavailableException("The broker failed at " + what + ": " + cause, e);
        }
    }
}
