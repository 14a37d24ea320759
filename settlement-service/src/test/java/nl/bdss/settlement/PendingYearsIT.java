package nl.bdss.settlement;

import static nl.bdss.settlement.YearAllocations.complete;
import static nl.bdss.settlement.YearAllocations.line;
import static nl.bdss.settlement.YearAllocations.pending;
import static nl.bdss.settlement.YearAllocations.year;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.settlement.ledger.application.LedgerInvariants;
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
 * Allocations with market shares per contract year, published as Avro to bdss.allocation.allocations: a year whose
 * counts are missing is PENDING on its own and holds back only itself; the complete years are paid. A year that was
 * complete and becomes pending keeps what was booked, neither booked nor corrected, until it is complete again. The
 * ledger invariants hold at every step. The clock stands at 2026-11-22 (2025 and 2026 due, in advance). Own database
 * and consumer group, relay and scheduler off; closed after the class.
 */
@DirtiesContext
@SpringBootTest(properties = {SettlementServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF,
        "spring.application.name=settlement-pending-years-it",
        "bdss.settlement.scheduler-enabled=false",
        "bdss.messaging.relay-enabled=false"})
@UsesInfrastructure(database = "settlement_pending_years")
class PendingYearsIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-11-22");
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 12, 31);
    /** A payee of this test's own (04...), so no other test's bookings share it. */
    private static final String PAYEE = String.format("04%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerInvariants invariants;

    /** 2025 of insurers 7101 (60%) and 7102 (40%): per sector 1,000,000 = 600,000 + 400,000; 2,000,000 in all. */
    private static AllocationPeriod year2025() {
        return year(2025, PAYEE, line("7101", "WIJKVERPLEGING", 600_000L), line("7102", "WIJKVERPLEGING", 400_000L),
                line("7101", "HUISARTSENZORG", 600_000L), line("7102", "HUISARTSENZORG", 400_000L));
    }

    /** 2026 by its own counts, 7101 70% and 7102 30%: per sector 1,000,000 = 700,000 + 300,000. */
    private static AllocationPeriod year2026() {
        return year(2026, PAYEE, line("7101", "WIJKVERPLEGING", 700_000L), line("7102", "WIJKVERPLEGING", 300_000L),
                line("7101", "HUISARTSENZORG", 700_000L), line("7102", "HUISARTSENZORG", 300_000L));
    }

    @Test
    void a2025CompleteAnd2026PendingAllocation_pays2025Only_andALaterCompleteOneBooks2026() throws Exception {
        String contract = "it-pending-year-" + UUID.randomUUID();

        publish(YearAllocations.allocation(contract, 1, FROM, UNTIL, List.of(year2025()),
                List.of(complete(2025), pending(2026))));

        await(() -> entries(contract) >= 4);
        awaitApplied(contract, 1);
        assertThat(jdbc.sql("select status from contract_allocation where contract_id = ?").param(contract)
                .query(String.class).single()).isEqualTo("PENDING");
        // 600,000 + 400,000 + 600,000 + 400,000 = 2,000,000, all of 2025, none of 2026
        assertThat(netPerYear(contract)).containsExactlyEntriesOf(Map.of(2025, 2_000_000L));
        assertThat(entries(contract)).isEqualTo(4);
        LedgerInvariants.Report report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
        assertThat(report.pendingYears()).contains(new LedgerInvariants.PendingYear(contract, 2026));

        publish(YearAllocations.allocation(contract, 2, FROM, UNTIL, List.of(year2025(), year2026()),
                List.of(complete(2025), complete(2026))));

        await(() -> entries(contract) >= 8);
        // 2026: 700,000 + 300,000 + 700,000 + 300,000 = 2,000,000 in four lump sums; 2025 unchanged, nothing corrected
        assertThat(netPerYear(contract)).containsExactlyInAnyOrderEntriesOf(Map.of(2025, 2_000_000L, 2026, 2_000_000L));
        assertThat(jdbc.sql("select count(*) from settlement_entry where contract_id = ? and kind = 'LUMP_SUM'"
                        + " and service_year = 2026 and booking_year = 2026")
                .param(contract).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from settlement_entry where contract_id = ? and kind = 'CORRECTION'")
                .param(contract).query(Long.class).single()).isZero();
        report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
        assertThat(report.pendingYears()).noneMatch(p -> p.contractId().equals(contract));
    }

    @Test
    void aSettledYearThatBecomesPending_keepsWhatWasBooked_untilItIsCompleteAgain_thenIsCorrected() throws Exception {
        String contract = "it-repending-year-" + UUID.randomUUID();
        publish(YearAllocations.allocation(contract, 1, FROM, UNTIL, List.of(year2025(), year2026()),
                List.of(complete(2025), complete(2026))));
        await(() -> entries(contract) >= 8);

        // an amendment moves 2026's reference date: its counts are missing, 2026 is left out of the periods
        publish(YearAllocations.allocation(contract, 2, FROM, UNTIL, List.of(year2025()),
                List.of(complete(2025), pending(2026))));
        awaitApplied(contract, 2);

        assertThat(entries(contract)).as("nothing booked, nothing corrected").isEqualTo(8);
        assertThat(netPerYear(contract)).containsExactlyInAnyOrderEntriesOf(Map.of(2025, 2_000_000L, 2026, 2_000_000L));
        LedgerInvariants.Report report = invariants.check();
        assertThat(report.holds()).as("2026's booked periods compared with its last complete allocation: " + report)
                .isTrue();
        assertThat(report.pendingYears()).contains(new LedgerInvariants.PendingYear(contract, 2026));
        assertThat(report.periodMismatches()).noneMatch(m -> m.contractId().equals(contract));

        // the counts arrive: 2026 is 7101 80% and 7102 20%, per sector 800,000 + 200,000: +100,000 and -100,000
        publish(YearAllocations.allocation(contract, 3, FROM, UNTIL, List.of(year2025(),
                year(2026, PAYEE, line("7101", "WIJKVERPLEGING", 800_000L), line("7102", "WIJKVERPLEGING", 200_000L),
                        line("7101", "HUISARTSENZORG", 800_000L), line("7102", "HUISARTSENZORG", 200_000L))),
                List.of(complete(2025), complete(2026))));

        await(() -> entries(contract) >= 12);
        assertThat(jdbc.sql("""
                        select uzovi || ' ' || sector || ' ' || amount_cents from settlement_entry
                        where contract_id = ? and kind = 'CORRECTION' and service_year = 2026 and booking_year = 2026""")
                .param(contract).query(String.class).list()).containsExactlyInAnyOrder(
                "7101 WIJKVERPLEGING 100000", "7102 WIJKVERPLEGING -100000",
                "7101 HUISARTSENZORG 100000", "7102 HUISARTSENZORG -100000");
        assertThat(netPerYear(contract)).containsExactlyInAnyOrderEntriesOf(Map.of(2025, 2_000_000L, 2026, 2_000_000L));
        report = invariants.check();
        assertThat(report.holds()).as(report.toString()).isTrue();
    }

    private long entries(String contract) {
        return jdbc.sql("select count(*) from settlement_entry where contract_id = ?").param(contract)
                .query(Long.class).single();
    }

    private Map<Integer, Long> netPerYear(String contract) {
        Map<Integer, Long> net = new java.util.TreeMap<>();
        jdbc.sql("select service_year, sum(amount_cents) from settlement_entry where contract_id = ? group by 1")
                .param(contract)
                .query(rs -> {
                    net.put(rs.getInt(1), rs.getLong(2));
                });
        return net;
    }

    private void awaitApplied(String contract, int version) throws InterruptedException {
        await(() -> jdbc.sql("select count(*) from contract_allocation where contract_id = ? and allocation_version = ?")
                .params(contract, version).query(Long.class).single() == 1);
    }

    private static void publish(AllocationCalculated allocation) throws Exception {
        AllocationTopic.publish(allocation);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
