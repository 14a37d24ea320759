package nl.bdss.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a poll's records in one database transaction, so a batch costs one commit and one offset commit instead
 * of one per record. Exactly-once effects are unchanged: every handler records its event in the inbox in the same
 * transaction, and the container commits the offsets only after this returns.
 *
 * <p>When the batch fails, the records are applied again one transaction each; the first that fails is named in a
 * {@link BatchListenerFailedException}, so the error handler commits the offsets of the records before it (their
 * effects are committed), retries it or parks it in the dead-letter topic, and goes on with the rest. A record that
 * could not be decoded ends the batch the same way, after the records before it were applied.
 */
public final class BatchTransactions {

    private static final Logger log = LoggerFactory.getLogger(BatchTransactions.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(BatchTransactions.class);

    private final TransactionTemplate transactions;
    private final CrashPoints crashPoints;

    public BatchTransactions(TransactionTemplate transactions, CrashPoints crashPoints) {
        this.transactions = transactions;
        this.crashPoints = crashPoints;
    }

    /** Applies every record with {@code handler}; see the class comment for failures. */
    public <V> void apply(List<ConsumerRecord<String, V>> records, Consumer<ConsumerRecord<String, V>> handler) {
        apply(records, batch -> batch.forEach(handler), handler);
    }

    /**
     * Applies the decodable prefix of the batch with {@code batchHandler} in one transaction (for handlers that
     * write a whole batch with set-based statements), falling back to {@code recordHandler} one transaction per
     * record when that fails.
     */
    public <V> void apply(List<ConsumerRecord<String, V>> records, Consumer<List<ConsumerRecord<String, V>>> batchHandler,
            Consumer<ConsumerRecord<String, V>> recordHandler) {
        int undecodable = firstUndecodable(records);
        List<ConsumerRecord<String, V>> decoded = records.subList(0, undecodable);
        if (!decoded.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> batchHandler.accept(decoded));
            } catch (RuntimeException batchFailure) {
                log.info("A batch of {} records failed ({}); applying them one by one", decoded.size(),
                        batchFailure.toString());
                applyOneByOne(decoded, recordHandler);
            }
        }
        if (undecodable < records.size()) {
            ConsumerRecord<String, V> record = records.get(undecodable);
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            throw new BatchListenerFailedException("failed to deserialize", cause, record);
        }
        crashPoints.listenerCommitted();
    }

    private <V> void applyOneByOne(List<ConsumerRecord<String, V>> records, Consumer<ConsumerRecord<String, V>> handler) {
        for (ConsumerRecord<String, V> record : records) {
            try {
                transactions.executeWithoutResult(status -> handler.accept(record));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, record);
            }
        }
    }

    private static <V> int firstUndecodable(List<ConsumerRecord<String, V>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, V> record = records.get(i);
            if (record.value() == null
                    && record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                return i;
            }
        }
        return records.size();
    }
}
