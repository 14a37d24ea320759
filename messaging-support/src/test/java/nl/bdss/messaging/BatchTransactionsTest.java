package nl.bdss.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch rules with an in-memory "database": what a transaction applied becomes visible at its commit and
 * vanishes at its rollback, so the test sees exactly which records' effects survive a failure.
 */
class BatchTransactionsTest {

    /** A transaction manager over a list: changes made inside a transaction are kept only when it commits. */
    private static final class ListTransactions extends AbstractPlatformTransactionManager {
        final List<String> committed = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        int commits;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            pending.clear();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.addAll(pending);
            pending.clear();
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            pending.clear();
        }
    }

    private final ListTransactions database = new ListTransactions();
    private final BatchTransactions batches = new BatchTransactions(new TransactionTemplate(database), CrashPoints.none());

    private static List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            records.add(new ConsumerRecord<>("topic", 0, offset, "key", values[offset]));
        }
        return records;
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value().startsWith("bad")) {
            throw new RejectedEventException(record.value() + " refused");
        }
        database.pending.add(record.value());
    }

    @Test
    void aGoodBatch_isOneTransaction() {
        batches.apply(records("a", "b", "c"), this::apply);

        assertThat(database.committed).containsExactly("a", "b", "c");
        assertThat(database.commits).isEqualTo(1);
    }

    @Test
    void aFailingRecord_keepsTheRecordsBeforeIt_andIsNamedForTheErrorHandler() {
        List<ConsumerRecord<String, String>> batch = records("a", "b", "bad-c", "d");

        assertThatThrownBy(() -> batches.apply(batch, this::apply))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getRecord()).isSameAs(batch.get(2));
                    assertThat(failure.getCause()).isInstanceOf(RejectedEventException.class).hasMessage("bad-c refused");
                });
        // the whole-batch attempt was rolled back, then a and b were applied one by one; d waits for the redelivery
        assertThat(database.committed).containsExactly("a", "b");
    }

    @Test
    void anUndecodableRecord_endsTheBatchAfterTheRecordsBeforeItWereApplied() {
        List<ConsumerRecord<String, String>> batch = records("a", null, "c");
        RecordHeaders headers = (RecordHeaders) batch.get(1).headers();
        SerializationUtils.deserializationException(headers, new byte[] {1, 2, 3},
                new DeserializationException("Unknown magic byte!", new byte[] {1, 2, 3}, false, null), false);

        assertThatThrownBy(() -> batches.apply(batch, this::apply))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getRecord()).isSameAs(batch.get(1));
                    assertThat(failure.getCause()).hasStackTraceContaining("Unknown magic byte!");
                });
        assertThat(database.committed).containsExactly("a");
    }

    @Test
    void aSetBasedHandler_fallsBackToTheRecordHandlerWhenTheBatchFails() {
        List<ConsumerRecord<String, String>> batch = records("a", "b");

        batches.apply(batch, all -> {
            all.forEach(record -> database.pending.add(record.value()));
            throw new IllegalStateException("deadlock detected");
        }, this::apply);

        assertThat(database.committed).containsExactly("a", "b");
        assertThat(database.commits).isEqualTo(2);
    }
}
