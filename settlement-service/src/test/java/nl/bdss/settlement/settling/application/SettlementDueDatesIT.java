package nl.bdss.settlement.settling.application;

import static nl.bdss.settlement.Allocations.line;
import static nl.bdss.settlement.Allocations.period;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.Allocations;
import nl.bdss.settlement.SettlementServiceApplication;
import nl.bdss.settlement.TestClock;
import nl.bdss.settlement.TestProperties;
import nl.bdss.settlement.ledger.application.LedgerInvariants;
import nl.bdss.settlement.settling.domain.Booking;
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
 * Nothing is paid before it is due (R8: IN_ADVANCE on the period's first day, IN_ARREARS on the day after its last).
 * What the scheduler books at several days of a fixed clock, for a contract paid in advance and one paid in arrears,
 * every expected entry written out by hand; and the ledger invariants naming every lump sum booked, and every
 * acknowledgement paid, before its due date, from rows made by hand. The scheduler runs only when the test calls it
 * (its interval is an hour). Own database and consumer group, relay off; closed after the class.
 */
@DirtiesContext
@SpringBootTest(properties = {SettlementServiceApplication.CONFIG_NAME, TestProperties.SECURITY_OFF,
        "spring.application.name=settlement-due-dates-it",
        "bdss.settlement.scheduler-interval-ms=3600000",
        "bdss.messaging.relay-enabled=false"})
@UsesInfrastructure(database = "settlement_due_dates")
class SettlementDueDatesIT {

    private static final TestClock CLOCK = TestClock.atNoonOf("2026-12-31");

    @TestConfiguration
    static class ClockInTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    AllocationIntake intake;

    @Autowired
    SettlementScheduler scheduler;

    @Autowired
    PeriodClose periodClose;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSchedulerBooksEachQuarterOnItsDueDay_inAdvanceOnTheFirstDay_inArrearsOnTheDayAfterTheLast_R8() {
        String advance = "it-due-advance-" + UUID.randomUUID();
        String arrears = "it-due-arrears-" + UUID.randomUUID();
        CLOCK.moveToNoonOf("2026-12-31");
        intake.apply(Allocations.complete(advance, 1, PaymentTiming.IN_ADVANCE,
                period(advance, "2027-01-01", "2027-03-31", line("3311", "HUISARTSENZORG", 1_000_000L),
                        line("3343", "HUISARTSENZORG", 600_000L)),
                period(advance, "2027-04-01", "2027-06-30", line("3311", "HUISARTSENZORG", 1_100_000L),
                        line("3343", "HUISARTSENZORG", 700_000L))));
        intake.apply(Allocations.complete(arrears, 1, PaymentTiming.IN_ARREARS,
                period(arrears, "2027-01-01", "2027-03-31", line("3311", "WIJKVERPLEGING", 500_000L)),
                period(arrears, "2027-04-01", "2027-06-30", line("3311", "WIJKVERPLEGING", 550_000L))));
        String advanceQ1 = "|2027-01-01|3311|01012345|HUISARTSENZORG|LUMP_SUM";
        String advanceQ1Other = "|2027-01-01|3343|01012345|HUISARTSENZORG|LUMP_SUM";
        String advanceQ2 = "|2027-04-01|3311|01012345|HUISARTSENZORG|LUMP_SUM";
        String advanceQ2Other = "|2027-04-01|3343|01012345|HUISARTSENZORG|LUMP_SUM";
        String arrearsQ1 = "|2027-01-01|3311|01012345|WIJKVERPLEGING|LUMP_SUM";
        String arrearsQ2 = "|2027-04-01|3311|01012345|WIJKVERPLEGING|LUMP_SUM";

        // 2026-12-31, the day before the first quarter is due in advance: nothing, not even on receipt.
        scheduler.settleWhatIsDue();
        assertThat(entries(advance)).isEmpty();
        assertThat(entries(arrears)).isEmpty();
        assertThat(periodClose.close(LocalDate.parse("2027-04-01"), true, "test"))
                .as("a dry run for 2027-04-01 shows both advance quarters and the first in arrears, booking nothing")
                .filteredOn(b -> b.target().contractId().equals(advance) || b.target().contractId().equals(arrears))
                .extracting(Booking::entryKey).containsExactlyInAnyOrder(advance + advanceQ1, advance + advanceQ1Other,
                        advance + advanceQ2, advance + advanceQ2Other, arrears + arrearsQ1);
        assertThat(entries(advance)).isEmpty();

        // 2027-01-01: the first quarter in advance is due today; in arrears it is due after it ends.
        CLOCK.moveToNoonOf("2027-01-01");
        scheduler.settleWhatIsDue();
        assertThat(entries(advance)).isEqualTo(Map.of(advance + advanceQ1, 1_000_000L, advance + advanceQ1Other, 600_000L));
        assertThat(entries(arrears)).isEmpty();

        // 2027-03-31: the last day of the first quarter; nothing new is due.
        CLOCK.moveToNoonOf("2027-03-31");
        scheduler.settleWhatIsDue();
        assertThat(entries(advance)).hasSize(2);
        assertThat(entries(arrears)).isEmpty();

        // 2027-04-01: the second quarter in advance, and the first in arrears (the day after it ended).
        CLOCK.moveToNoonOf("2027-04-01");
        scheduler.settleWhatIsDue();
        assertThat(entries(advance)).isEqualTo(Map.of(advance + advanceQ1, 1_000_000L, advance + advanceQ1Other, 600_000L,
                advance + advanceQ2, 1_100_000L, advance + advanceQ2Other, 700_000L));
        assertThat(entries(arrears)).isEqualTo(Map.of(arrears + arrearsQ1, 500_000L));

        // 2027-06-30: the last day of the second quarter; nothing new.
        CLOCK.moveToNoonOf("2027-06-30");
        scheduler.settleWhatIsDue();
        assertThat(entries(arrears)).hasSize(1);

        // 2027-07-01: the second quarter in arrears.
        CLOCK.moveToNoonOf("2027-07-01");
        scheduler.settleWhatIsDue();
        assertThat(entries(arrears)).isEqualTo(Map.of(arrears + arrearsQ1, 500_000L, arrears + arrearsQ2, 550_000L));

        // Later: everything is booked once; a run or a close changes nothing.
        CLOCK.moveToNoonOf("2027-09-15");
        scheduler.settleWhatIsDue();
        assertThat(periodClose.close(LocalDate.parse("2027-09-15"), false, "operator"))
                .filteredOn(b -> b.target().contractId().equals(advance) || b.target().contractId().equals(arrears))
                .isEmpty();
        assertThat(entries(advance)).hasSize(4);
        assertThat(entries(arrears)).hasSize(2);
        assertThat(bookedOn(advance)).isEqualTo(Map.of(advance + advanceQ1, "2027-01-01", advance + advanceQ1Other,
                "2027-01-01", advance + advanceQ2, "2027-04-01", advance + advanceQ2Other, "2027-04-01"));
        assertThat(bookedOn(arrears)).isEqualTo(Map.of(arrears + arrearsQ1, "2027-04-01", arrears + arrearsQ2, "2027-07-01"));
        assertThat(invariants.check().bookedBeforeDue())
                .noneMatch(e -> e.contractId().equals(advance) || e.contractId().equals(arrears));
    }

    @Test
    void theInvariantsNameEveryLumpSumBookedAndEveryAcknowledgementPaidBeforeItsDueDate_R8() {
        String contract = "it-hand-made-" + UUID.randomUUID();
        lumpSum(contract, 1, "2027-04-01", "2027-06-30", "3311", PaymentTiming.IN_ADVANCE,
                "2027-03-31T23:30:00Z");
        UUID arrearsEarly = lumpSum(contract, 2, "2027-01-01", "2027-03-31", "3343", PaymentTiming.IN_ARREARS,
                "2027-03-31T10:00:00Z");
        UUID arrearsOnTime = lumpSum(contract, 3, "2027-01-01", "2027-03-31", "3311", PaymentTiming.IN_ARREARS,
                "2027-04-01T00:00:00Z");
        UUID advanceOnTime = lumpSum(contract, 4, "2027-04-01", "2027-06-30", "3343", PaymentTiming.IN_ADVANCE,
                "2027-04-01T00:00:00Z");
        UUID credit = correction(contract, 5, arrearsOnTime, "2027-01-01", "2027-03-31", "3311",
                PaymentTiming.IN_ARREARS, -100_000L, "2027-04-02T09:00:00Z");
        acknowledge(advanceOnTime, "PAID", "2027-03-31");
        acknowledge(arrearsOnTime, "PAID", "2027-04-01");
        acknowledge(credit, "OFFSET", "2027-03-15");
        acknowledge(arrearsEarly, "PAID", "2027-04-01");

        LedgerInvariants.Report report = invariants.check();

        assertThat(report.holds()).isFalse();
        assertThat(report.bookedBeforeDue()).filteredOn(e -> e.contractId().equals(contract)).containsExactly(
                new LedgerInvariants.BookedBeforeDue(key(contract, "2027-01-01", "3343", "LUMP_SUM"), contract,
                        LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31"), PaymentTiming.IN_ARREARS,
                        LocalDate.parse("2027-04-01"), LocalDate.parse("2027-03-31")),
                new LedgerInvariants.BookedBeforeDue(key(contract, "2027-04-01", "3311", "LUMP_SUM"), contract,
                        LocalDate.parse("2027-04-01"), LocalDate.parse("2027-06-30"), PaymentTiming.IN_ADVANCE,
                        LocalDate.parse("2027-04-01"), LocalDate.parse("2027-03-31")));
        assertThat(report.paidBeforeDue()).filteredOn(e -> e.contractId().equals(contract)).containsExactly(
                new LedgerInvariants.PaidBeforeDue(key(contract, "2027-01-01", "3311", "CORRECTION|v2"), contract,
                        LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31"), PaymentTiming.IN_ARREARS,
                        LocalDate.parse("2027-04-01"), "OFFSET", LocalDate.parse("2027-03-15")),
                new LedgerInvariants.PaidBeforeDue(key(contract, "2027-04-01", "3343", "LUMP_SUM"), contract,
                        LocalDate.parse("2027-04-01"), LocalDate.parse("2027-06-30"), PaymentTiming.IN_ADVANCE,
                        LocalDate.parse("2027-04-01"), "PAID", LocalDate.parse("2027-03-31")));
    }

    private UUID lumpSum(String contract, long sequence, String start, String end, String uzovi, PaymentTiming timing,
            String bookedAt) {
        return insertEntry(contract, sequence, "LUMP_SUM", key(contract, start, uzovi, "LUMP_SUM"), null, start, end,
                uzovi, timing, 1_000_000L, bookedAt);
    }

    private UUID correction(String contract, long sequence, UUID corrected, String start, String end, String uzovi,
            PaymentTiming timing, long cents, String bookedAt) {
        String correctedKey = jdbc.sql("select entry_key from settlement_entry where id = ?").param(corrected)
                .query(String.class).single();
        return insertEntry(contract, sequence, "CORRECTION", key(contract, start, uzovi, "CORRECTION|v2"), correctedKey,
                start, end, uzovi, timing, cents, bookedAt);
    }

    /** A settlement entry as a booking stores it, keyed like the service keys it. */
    private UUID insertEntry(String contract, long sequence, String kind, String entryKey, String corrects, String start,
            String end, String uzovi, PaymentTiming timing, long cents, String bookedAt) {
        UUID id = UUID.randomUUID();
        // booked while its year was open: booking year = service year, the year the period belongs to
        int serviceYear = new Period(LocalDate.parse(start), LocalDate.parse(end)).year();
        jdbc.sql("""
                insert into settlement_entry (id, entry_key, contract_id, sequence, kind, corrects_entry_key,
                    period_start, period_end, uzovi, payee_agb, payee_party_key, sector, amount_cents,
                    allocation_version, cause, booked_by, booked_at, event_id, payment_timing, service_year, booking_year)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, '01012345', 'hap-west', 'HUISARTSENZORG', ?, 1, 'made by hand',
                    'test', ?, ?, ?, ?, ?)""")
                .params(id, entryKey, contract, sequence, kind, corrects,
                        LocalDate.parse(start), LocalDate.parse(end), uzovi, cents,
                        Timestamp.from(Instant.parse(bookedAt)), UUID.randomUUID(), timing.name(),
                        serviceYear, serviceYear)
                .update();
        return id;
    }

    private void acknowledge(UUID entry, String status, String paidOn) {
        jdbc.sql("""
                insert into payment_acknowledgement (entry_id, status, payment_reference, paid_on, recorded_at)
                values (?, ?, 'BANK-HAND-MADE', ?, '2027-04-02 09:00:00+00')""")
                .params(entry, status, LocalDate.parse(paidOn)).update();
    }

    private static String key(String contract, String start, String uzovi, String kind) {
        return contract + "|" + start + "|" + uzovi + "|01012345|HUISARTSENZORG|" + kind;
    }

    private Map<String, Long> entries(String contract) {
        Map<String, Long> entries = new TreeMap<>();
        jdbc.sql("select entry_key, amount_cents from settlement_entry where contract_id = ?").param(contract)
                .query((rs, n) -> entries.put(rs.getString(1), rs.getLong(2))).list();
        return entries;
    }

    private Map<String, String> bookedOn(String contract) {
        Map<String, String> days = new TreeMap<>();
        jdbc.sql("select entry_key, to_char(booked_at at time zone 'UTC', 'YYYY-MM-DD') from settlement_entry where contract_id = ?")
                .param(contract).query((rs, n) -> days.put(rs.getString(1), rs.getString(2))).list();
        return days;
    }
}
