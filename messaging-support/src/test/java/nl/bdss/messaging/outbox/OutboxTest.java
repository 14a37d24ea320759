package nl.bdss.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The rows the outbox writes, caught at the JDBC batch, inside a transaction that does nothing else. */
class OutboxTest {

    private record Row(String topic, String key, String valueType, byte[] payload) {
    }

    private final List<Row> rows = new ArrayList<>();
    private int wakeUps;
    private final JdbcTemplate batches = new JdbcTemplate() {
        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            batchArgs.forEach(a -> rows.add(new Row((String) a[0], (String) a[1], (String) a[2], (byte[]) a[3])));
            return new int[batchArgs.size()];
        }
    };
    private final Outbox outbox = new Outbox(JdbcClient.create(batches), batches, () -> wakeUps++);
    private final TransactionTemplate transaction = new TransactionTemplate(new AbstractPlatformTransactionManager() {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    });

    private static SettlementBooked entry(String uzovi, long sequence) {
        return SettlementBooked.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-11-22T12:00:00Z"))
                .setContractId("contract-1")
                .setSequence(sequence)
                .setEntryId("contract-1|2025-01-01|" + uzovi + "|" + sequence)
                .setKind(SettlementKind.LUMP_SUM)
                .setPeriodStart(LocalDate.of(2025, 1, 1))
                .setPeriodEnd(LocalDate.of(2025, 12, 31))
                .setUzovi(uzovi)
                .setPayeeAgb("01012345")
                .setPayeePartyKey("main")
                .setSector("HUISARTSENZORG")
                .setAmountCents(2_100_000L)
                .setAllocationVersion(1)
                .setCause("test")
                .build();
    }

    @Test
    void eachEventGoesToEveryTopicNamedForIt_underTheSameKey_asTheSameEvent_inOneBatch() {
        SettlementBooked of3311 = entry("3311", 1);
        SettlementBooked of3343 = entry("3343", 2);

        transaction.executeWithoutResult(status -> outbox.appendAll(
                List.of(new Outbox.Message<>("contract-1", of3311), new Outbox.Message<>("contract-1", of3343)),
                event -> List.of(Topics.SETTLEMENTS, Topics.insurerEntries(event.getUzovi()))));

        assertThat(rows).extracting(Row::topic).containsExactly(
                "bdss.settlement.entries", "bdss.settlement.insurer.3311.entries",
                "bdss.settlement.entries", "bdss.settlement.insurer.3343.entries");
        assertThat(rows).extracting(Row::key).containsOnly("contract-1");
        assertThat(rows).extracting(Row::valueType).containsOnly(SettlementBooked.class.getName());
        assertThat(rows).extracting(row -> AvroBinary.decode(SettlementBooked.class, row.payload()))
                .containsExactly(of3311, of3311, of3343, of3343);
        assertThat(wakeUps).as("the relay is woken once, after the commit").isEqualTo(1);
    }

    @Test
    void oneEventToSeveralTopics_inTheirOrder_isOneEvent() {
        SettlementBooked event = entry("3311", 1);

        transaction.executeWithoutResult(status -> outbox.append(
                List.of(Topics.SETTLEMENTS, Topics.insurerEntries("3311")), "contract-1", event));

        assertThat(rows).extracting(Row::topic)
                .containsExactly("bdss.settlement.entries", "bdss.settlement.insurer.3311.entries");
        assertThat(rows).extracting(row -> AvroBinary.decode(SettlementBooked.class, row.payload()).getEventId())
                .containsOnly(event.getEventId());
    }

    @Test
    void nothingIsAppendedOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(Topics.SETTLEMENTS, "contract-1", entry("3311", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(rows).isEmpty();
    }
}
