package nl.bdss.reporting.operations;

import java.util.ArrayList;
import java.util.List;
import nl.bdss.events.Topic;
import nl.bdss.reporting.downstream.application.RebuildState;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from offset 0: stops the listeners, wipes the derived tables and the processed
 * event ids, records the end offsets of the consumed topics as the rebuild's target, moves the group's offsets to
 * the start of the topics and starts the listeners again. The macro budgets and region ranges stay: operators
 * entered them, no topic carries them. What was published downstream stays too: until the target is reached
 * nothing is published, then only the differences with what was published before ({@link RebuildCompletion}).
 */
@Service
public class ReadModelRebuild {

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RebuildState state;
    private final String group;

    ReadModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, JdbcClient jdbc,
            TransactionTemplate transactions, RebuildState state, @Value("${spring.application.name}") String group) {
        this.state = state;
        this.listeners = listeners;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.group = group;
    }

    public synchronized void rebuild() throws Exception {
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
        try {
            List<RebuildState.Target> targets = endOffsets();
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                        truncate settlement_entry, sector_load, contract_view, contract_allocation, committed_amount,
                            unfunded_amount, committed_load, mbi_watch, mbi_alert, processed_event""").update();
                state.start(targets);
            });
            resetOffsets();
        } finally {
            listeners.getListenerContainers().forEach(MessageListenerContainer::start);
        }
    }

    private List<RebuildState.Target> endOffsets() throws Exception {
        List<RebuildState.Target> targets = new ArrayList<>();
        for (Topic<?> topic : MessagingStatus.CONSUMED) {
            kafka.offsets(kafka.partitions(topic.name()), OffsetSpec.latest()).forEach((partition, offset) ->
                    targets.add(new RebuildState.Target(partition.topic(), partition.partition(), offset)));
        }
        return targets;
    }

    private void resetOffsets() throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                kafka.resetToEarliest(group, MessagingStatus.CONSUMED);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // the group may still be leaving after the containers stopped
                last = e;
                Thread.sleep(500);
            }
        }
        throw last;
    }
}
