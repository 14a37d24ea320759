package nl.bdss.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.settlement.ledger.application.LedgerInvariants;
import nl.bdss.settlement.settling.application.PeriodClose;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What is due is judged by the injected clock: with the clock in 2025 only 2025 is settled; when the clock reaches
 * 2026 the scheduler settles 2026. Runs as its own consumer group on its own database, its relay off, so that it
 * and the other integration test never see each other's bookings. The context is closed after the class.
 */
@DirtiesContext
@SpringBootTest(properties = {SettlementServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF,
        "spring.application.name=settlement-scheduler-it",
        "bdss.settlement.scheduler-interval-ms=300",
        "bdss.messaging.relay-enabled=false"})
@UsesInfrastructure(database = "settlement_scheduler")
class SettlementSchedulerIT {

    private static final TestClock CLOCK = new TestClock(Instant.parse("2025-06-01T08:00:00Z"));

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeriodClose periodClose;

    @Autowired
    LedgerInvariants invariants;

    @Test
    void withTheClockIn2025OnlyThe2025PeriodIsSettled_andTheSchedulerSettles2026WhenItBecomesDue() throws Exception {
        String contract = "it-scheduler-" + UUID.randomUUID();
        publish(ManualExampleEvents.allocation(contract).build());
        await(() -> entries(contract) >= 4);
        Thread.sleep(1_000); // a few scheduler runs in 2025: none of them may settle 2026

        assertThat(entries(contract)).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from settlement_entry where contract_id = ? and period_start = '2025-01-01'")
                .param(contract).query(Long.class).single()).isEqualTo(4);
        assertThat(periodClose.close(LocalDate.of(2026, 1, 1), true, "test"))
                .filteredOn(b -> b.target().contractId().equals(contract)).hasSize(4);
        assertThat(entries(contract)).as("a dry run books nothing").isEqualTo(4);

        CLOCK.moveTo(Instant.parse("2026-01-01T00:30:00Z"));

        await(() -> entries(contract) >= 8);
        assertThat(jdbc.sql("""
                select coalesce(sum(amount_cents), 0) from settlement_entry
                where contract_id = ? and period_start = '2026-01-01' and booked_by = 'scheduler'""")
                .param(contract).query(Long.class).single()).isEqualTo(7_000_000L);
        assertThat(invariants.check().holds()).isTrue();
    }

    private long entries(String contract) {
        return jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(contract)
                .query(Long.class).single();
    }

    private static void publish(AllocationCalculated allocation) throws Exception {
        AllocationTopic.publish(allocation);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 45 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
