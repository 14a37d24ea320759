package nl.bdss.settlement.ledger.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.ledger.application.CostAccounts;
import nl.bdss.settlement.ledger.application.LedgerFacts;
import nl.bdss.settlement.ledger.application.LedgerPostings;
import nl.bdss.settlement.ledger.domain.ClaimsBurden;
import nl.bdss.settlement.ledger.domain.DoubleEntry;
import nl.bdss.settlement.ledger.domain.Posting;
import nl.bdss.settlement.persistence.InstalmentColumns;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's postings (append-only; the database refuses updates and deletes) and the facts its checks read. */
@Repository
class JdbcLedger implements LedgerPostings, LedgerFacts, CostAccounts {

    private final JdbcClient jdbc;
    /** For JDBC batches: many rows of one statement in one round trip to the database. */
    private final JdbcOperations batches;

    JdbcLedger(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    public void post(Map<String, List<Posting>> postingsByBooking, Map<String, Integer> bookingYears,
            Instant postedAt) {
        Timestamp at = Timestamp.from(postedAt);
        List<Object[]> rows = new ArrayList<>();
        postingsByBooking.forEach((bookingRef, postings) -> postings.forEach(posting -> rows.add(
                new Object[] {bookingRef, posting.account(), posting.debitCents(), posting.creditCents(), at,
                    bookingYears.get(bookingRef)})));
        if (!rows.isEmpty()) {
            batches.batchUpdate("""
                    insert into ledger_posting (booking_ref, account, debit_cents, credit_cents, posted_at, booking_year)
                    values (?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    @Override
    public long totalDebitCents() {
        return jdbc.sql("select coalesce(sum(debit_cents), 0) from ledger_posting").query(Long.class).single();
    }

    @Override
    public long totalCreditCents() {
        return jdbc.sql("select coalesce(sum(credit_cents), 0) from ledger_posting").query(Long.class).single();
    }

    @Override
    public List<String> unbalancedBookings() {
        return jdbc.sql("""
                select booking_ref from ledger_posting group by booking_ref
                having sum(debit_cents) <> sum(credit_cents) order by booking_ref""").query(String.class).list();
    }

    @Override
    public List<ContractTerms> contracts() {
        return jdbc.sql("""
                select contract_id, status, valid_from, valid_until, payment_timing, pays_complete_years,
                    array(select year from allocation_pending_year y where y.contract_id = a.contract_id),
                    payment_schedule
                from contract_allocation a""")
                .query((rs, n) -> new ContractTerms(rs.getString(1), "COMPLETE".equals(rs.getString(2)),
                        new Period(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)),
                        PaymentTiming.valueOf(rs.getString(5)), rs.getBoolean(6),
                        Set.of((Integer[]) rs.getArray(7).getArray()), PaymentSchedule.valueOf(rs.getString(8))))
                .list();
    }

    @Override
    public List<PeriodAmount> allocatedPerPeriod() {
        return jdbc.sql("select contract_id, period_start, period_end, amount_cents from allocation_line")
                .query((rs, n) -> new PeriodAmount(rs.getString(1),
                        new Period(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)), rs.getLong(4)))
                .list();
    }

    @Override
    public List<SettledAmount> settledPerPeriod() {
        return jdbc.sql("""
                select contract_id, period_start, max(service_year), sum(amount_cents) from settlement_entry group by 1, 2""")
                .query((rs, n) -> new SettledAmount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        rs.getLong(4)))
                .list();
    }

    @Override
    public void eachLumpSum(Consumer<LumpSumBooked> check) {
        jdbc.sql("""
                select entry_key, contract_id, period_start, period_end, payment_timing, booked_at, instalment_start,
                    instalment_end
                from settlement_entry where kind = 'LUMP_SUM'""")
                .query((ResultSet rs) -> check.accept(new LumpSumBooked(entry(rs), rs.getTimestamp("booked_at").toInstant())));
    }

    @Override
    public void eachAcknowledgement(Consumer<Acknowledged> check) {
        jdbc.sql("""
                select e.entry_key, e.contract_id, e.period_start, e.period_end, e.payment_timing, a.status, a.paid_on,
                    e.instalment_start, e.instalment_end
                from payment_acknowledgement a join settlement_entry e on e.id = a.entry_id""")
                .query((ResultSet rs) -> check.accept(new Acknowledged(entry(rs), rs.getString("status"),
                        rs.getObject("paid_on", LocalDate.class))));
    }

    private static EntryTerms entry(ResultSet rs) throws SQLException {
        return new EntryTerms(rs.getString("entry_key"), rs.getString("contract_id"),
                new Period(rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class)),
                PaymentTiming.valueOf(rs.getString("payment_timing")), InstalmentColumns.of(rs));
    }

    /**
     * The cost postings of the insurer's accounts {@code SECTOR_COST/<uzovi>/<sector>/<serviceYear>}, the sector and
     * service year read from the account, the booking year from the posting; the contract is that of the entry the
     * posting books (its booking reference).
     */
    @Override
    public List<ClaimsBurden.Row> costsOf(String uzovi, int year) {
        return jdbc.sql("""
                select service_year, booking_year, sector, contract_id, sum(debit_cents), sum(credit_cents)
                from (select cast(substring(p.account from '/([0-9]+)$') as int) as service_year, p.booking_year,
                          substring(p.account from '^SECTOR_COST/[0-9]{4}/(.+)/[0-9]+$') as sector, e.contract_id,
                          p.debit_cents, p.credit_cents
                      from ledger_posting p join settlement_entry e on e.entry_key = p.booking_ref
                      where p.account like ?) costs
                where service_year = ? or booking_year = ?
                group by service_year, booking_year, sector, contract_id""")
                .params(DoubleEntry.SECTOR_COST + uzovi + "/%", year, year)
                .query((rs, n) -> new ClaimsBurden.Row(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), -rs.getLong(6)))
                .list();
    }
}
