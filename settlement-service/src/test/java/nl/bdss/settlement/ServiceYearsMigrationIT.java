package nl.bdss.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.testsupport.Infrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V5 on a ledger booked before service years: every entry gets its service year from its period start and that year
 * as its booking year; the cost postings of an entry move to the year's cost account and carry its booking year;
 * payment postings keep their accounts and have none; the books stay balanced and history stays immutable.
 * A database of its own, migrated by Flyway to V4, filled by hand, then migrated to the newest version.
 */
class ServiceYearsMigrationIT {

    private static final String[] LOCATIONS = {"classpath:db/migration/messaging", "classpath:db/migration/security",
        "classpath:db/migration/settlement"};

    @Test
    void entriesAndTheirCostPostingsBookedBeforeV5_getTheirServiceYearAsBookingYear_R17() {
        Infrastructure infrastructure = Infrastructure.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                infrastructure.jdbcUrl("settlement_v5_" + UUID.randomUUID().toString().replace("-", "")),
                infrastructure.username(), infrastructure.password());
        Flyway.configure().dataSource(dataSource).locations(LOCATIONS).target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String lumpSum = "c-v5|2025-01-01|3311|01012345|WIJKVERPLEGING|LUMP_SUM";
        String correction = "c-v5|2025-01-01|3311|01012345|WIJKVERPLEGING|CORRECTION|v2";
        entry(jdbc, lumpSum, 1, "LUMP_SUM", null, 2_100_000L);
        entry(jdbc, correction, 2, "CORRECTION", lumpSum, -420_000L);
        posting(jdbc, lumpSum, "SECTOR_COST/3311/WIJKVERPLEGING", 2_100_000L, 0);
        posting(jdbc, lumpSum, "PAYABLE/3311/01012345", 0, 2_100_000L);
        posting(jdbc, correction, "PAYABLE/3311/01012345", 420_000L, 0);
        posting(jdbc, correction, "SECTOR_COST/3311/WIJKVERPLEGING", 0, 420_000L);
        posting(jdbc, lumpSum + "|PAID", "PAYABLE/3311/01012345", 2_100_000L, 0);
        posting(jdbc, lumpSum + "|PAID", "BANK/3311", 0, 2_100_000L);

        Flyway.configure().dataSource(dataSource).locations(LOCATIONS).load().migrate();

        assertThat(jdbc.sql("select entry_key || ' ' || service_year || '/' || booking_year from settlement_entry order by sequence")
                .query(String.class).list()).containsExactly(lumpSum + " 2025/2025", correction + " 2025/2025");
        assertThat(jdbc.sql("""
                        select booking_ref || ' ' || account || ' ' || debit_cents || ' ' || credit_cents || ' '
                            || coalesce(cast(booking_year as varchar), '-')
                        from ledger_posting order by id""").query(String.class).list()).containsExactly(
                lumpSum + " SECTOR_COST/3311/WIJKVERPLEGING/2025 2100000 0 2025",
                lumpSum + " PAYABLE/3311/01012345 0 2100000 2025",
                correction + " PAYABLE/3311/01012345 420000 0 2025",
                correction + " SECTOR_COST/3311/WIJKVERPLEGING/2025 0 420000 2025",
                lumpSum + "|PAID PAYABLE/3311/01012345 2100000 0 -",
                lumpSum + "|PAID BANK/3311 0 2100000 -");
        // 2,100,000 + 420,000 + 2,100,000 on either side
        assertThat(jdbc.sql("select sum(debit_cents) || ' ' || sum(credit_cents) from ledger_posting")
                .query(String.class).single()).isEqualTo("4620000 4620000");
        assertThatThrownBy(() -> jdbc.sql("update settlement_entry set booking_year = 2026").update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update ledger_posting set booking_year = 2026").update())
                .hasMessageContaining("immutable");
    }

    private static void entry(JdbcClient jdbc, String key, long sequence, String kind, String corrects, long cents) {
        jdbc.sql("""
                insert into settlement_entry (id, entry_key, contract_id, sequence, kind, corrects_entry_key, period_start,
                    period_end, uzovi, payee_agb, payee_party_key, sector, amount_cents, allocation_version, cause,
                    booked_by, booked_at, event_id, payment_timing)
                values (?, ?, 'c-v5', ?, ?, ?, ?, ?, '3311', '01012345', 'hap-west', 'WIJKVERPLEGING', ?, ?,
                    'before V5', 'test', ?, ?, 'IN_ADVANCE')""")
                .params(UUID.randomUUID(), key, sequence, kind, corrects, LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31), cents, (int) sequence, Timestamp.from(Instant.parse("2025-06-01T12:00:00Z")),
                        UUID.randomUUID())
                .update();
    }

    private static void posting(JdbcClient jdbc, String bookingRef, String account, long debit, long credit) {
        jdbc.sql("insert into ledger_posting (booking_ref, account, debit_cents, credit_cents, posted_at) values (?, ?, ?, ?, ?)")
                .params(bookingRef, account, debit, credit, Timestamp.from(Instant.parse("2025-06-01T12:00:00Z")))
                .update();
    }
}
