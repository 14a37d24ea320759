package nl.bdss.reporting.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from offset 0: stops the listeners, wipes the derived tables and the processed
 * event ids, moves the group's offsets to the start of the topics and starts the listeners again. The macro
 * budgets stay: operators entered them, no topic carries them. The SectorLoadChanged events are published
 * again with versions counting from 1.
 */
@Service
public class ReadModelRebuild {

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String group;

    ReadModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, JdbcClient jdbc,
            TransactionTemplate transactions, @Value("${spring.application.name}") String group) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.group = group;
    }

    public synchronized void rebuild() throws Exception {
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
        try {
            transactions.executeWithoutResult(status -> jdbc.sql("""
                    truncate settlement_entry, sector_load, contract_budget_year, contract_view, contract_allocation,
                        committed_amount, mbi_watch, mbi_alert, processed_event""").update());
            resetOffsets();
        } finally {
            listeners.getListenerContainers().forEach(MessageListenerContainer::start);
        }
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
