package nl.bdss.settlement.settling.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.settling.application.AllocationReceived;
import nl.bdss.settlement.settling.application.SettlementStore;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;
import nl.bdss.settlement.settling.domain.BookedEntry;
import nl.bdss.settlement.settling.domain.Booking;
import nl.bdss.settlement.settling.domain.ClosedYears;
import nl.bdss.settlement.settling.domain.CurrentAllocation;
import nl.bdss.settlement.settling.domain.EntryKind;
import nl.bdss.settlement.settling.domain.PayableLine;
import nl.bdss.settlement.settling.domain.SettlementTarget;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current allocations and the settlement entries, with Spring's JdbcClient and JDBC batches. */
@Repository
class JdbcSettlementStore implements SettlementStore {

    private final JdbcClient jdbc;
    /** For JDBC batches: many rows of one statement in one round trip to the database. */
    private final JdbcOperations batches;

    JdbcSettlementStore(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    public Optional<AllocationHeader> lockHeader(String contractId) {
        return jdbc.sql("""
                select contract_id, allocation_version, status, valid_from, valid_until, payment_timing,
                    pays_complete_years, contract_reference, payment_schedule
                from contract_allocation where contract_id = ? for update""")
                .param(contractId)
                .query((rs, n) -> header(rs))
                .optional();
    }

    @Override
    public Optional<AllocationHeader> header(String contractId) {
        return jdbc.sql("""
                select contract_id, allocation_version, status, valid_from, valid_until, payment_timing,
                    pays_complete_years, contract_reference, payment_schedule
                from contract_allocation where contract_id = ?""")
                .param(contractId)
                .query((rs, n) -> header(rs))
                .optional();
    }

    @Override
    public List<AllocationHeader> headers() {
        return jdbc.sql("""
                select contract_id, allocation_version, status, valid_from, valid_until, payment_timing,
                    pays_complete_years, contract_reference, payment_schedule
                from contract_allocation order by contract_id""")
                .query((rs, n) -> header(rs))
                .list();
    }

    private static AllocationHeader header(ResultSet rs) throws SQLException {
        return new AllocationHeader(rs.getString("contract_id"), rs.getInt("allocation_version"), rs.getString("status"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                PaymentTiming.valueOf(rs.getString("payment_timing")), rs.getBoolean("pays_complete_years"),
                rs.getString("contract_reference"), PaymentSchedule.valueOf(rs.getString("payment_schedule")));
    }

    @Override
    public void saveHeader(AllocationReceived allocation, Instant appliedAt) {
        jdbc.sql("""
                insert into contract_allocation (contract_id, allocation_version, contract_version, status, pending_reason,
                    valid_from, valid_until, payment_timing, applied_event_id, applied_at, pays_complete_years,
                    contract_reference, payment_schedule)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (contract_id) do update set allocation_version = excluded.allocation_version,
                    contract_version = excluded.contract_version, status = excluded.status,
                    pending_reason = excluded.pending_reason, valid_from = excluded.valid_from,
                    valid_until = excluded.valid_until, payment_timing = excluded.payment_timing,
                    applied_event_id = excluded.applied_event_id, applied_at = excluded.applied_at,
                    pays_complete_years = excluded.pays_complete_years, payment_schedule = excluded.payment_schedule,
                    contract_reference = coalesce(excluded.contract_reference, contract_allocation.contract_reference)""")
                .params(allocation.contractId(), allocation.allocationVersion(), allocation.contractVersion(),
                        allocation.complete() ? "COMPLETE" : "PENDING", allocation.pendingReason(),
                        allocation.validFrom(), allocation.validUntil(), allocation.timing().name(),
                        allocation.eventId(), Timestamp.from(appliedAt), allocation.perYear(),
                        allocation.contractReference(), allocation.schedule().name())
                .update();
    }

    @Override
    public void replaceLines(String contractId, List<AllocatedPeriod> periods, Set<Integer> keptYears,
            Period validity) {
        jdbc.sql("""
                delete from allocation_line where contract_id = ?
                and (not (cast(extract(year from period_start) as int) = any (?)) or period_start < ? or period_end > ?)""")
                .params(contractId, keptYears.toArray(Integer[]::new), validity.start(), validity.end())
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (AllocatedPeriod period : periods) {
            for (PayableLine line : period.lines()) {
                SettlementTarget t = line.target();
                rows.add(new Object[] {contractId, period.period().start(), period.period().end(), t.uzovi(),
                    t.payeeAgb(), line.payeePartyKey(), t.sector(), line.amountCents()});
            }
        }
        batches.batchUpdate("""
                insert into allocation_line (contract_id, period_start, period_end, uzovi, payee_agb,
                    payee_party_key, sector, amount_cents) values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @Override
    public void savePayeeVat(String contractId, Map<String, Vat> payeeVat) {
        jdbc.sql("delete from allocation_payee_vat where contract_id = ?").param(contractId).update();
        List<Object[]> rows = new ArrayList<>();
        payeeVat.forEach((agb, vat) -> rows.add(new Object[] {contractId, agb, vat.treatment().name(),
            vat.rateBasisPoints()}));
        batches.batchUpdate("insert into allocation_payee_vat (contract_id, payee_agb, vat_treatment, vat_rate_bp) "
                + "values (?, ?, ?, ?)", rows);
    }

    @Override
    public void savePendingYears(String contractId, Map<Integer, String> pendingYears) {
        jdbc.sql("delete from allocation_pending_year where contract_id = ?").param(contractId).update();
        List<Object[]> rows = new ArrayList<>();
        pendingYears.forEach((year, reason) -> rows.add(new Object[] {contractId, year, reason}));
        batches.batchUpdate("insert into allocation_pending_year (contract_id, year, pending_reason) values (?, ?, ?)",
                rows);
    }

    @Override
    public ClosedYears closedYearsForBooking() {
        jdbc.sql(ServiceYearLock.SHARED).query((rs, n) -> null).list();
        return ClosedYears.of(jdbc.sql("select year from service_year_closed").query(Integer.class).list());
    }

    @Override
    public Optional<CurrentAllocation> currentAllocation(AllocationHeader header) {
        if (!"COMPLETE".equals(header.status()) && !header.paysCompleteYears()) {
            return Optional.empty();
        }
        Set<Integer> pendingYears = Set.copyOf(jdbc.sql("select year from allocation_pending_year where contract_id = ?")
                .param(header.contractId()).query(Integer.class).list());
        Map<Period, List<PayableLine>> byPeriod = new LinkedHashMap<>();
        jdbc.sql("""
                select period_start, period_end, uzovi, payee_agb, payee_party_key, sector, amount_cents
                from allocation_line where contract_id = ? order by period_start, uzovi, payee_agb, sector""")
                .param(header.contractId())
                .query((rs, n) -> {
                    Period period = new Period(rs.getObject("period_start", LocalDate.class),
                            rs.getObject("period_end", LocalDate.class));
                    byPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(new PayableLine(
                            new SettlementTarget(header.contractId(), period.start(), rs.getString("uzovi"),
                                    rs.getString("payee_agb"), rs.getString("sector")),
                            rs.getString("payee_party_key"), rs.getLong("amount_cents")));
                    return period;
                })
                .list();
        List<AllocatedPeriod> periods = byPeriod.entrySet().stream()
                .map(e -> new AllocatedPeriod(e.getKey(), e.getValue())).toList();
        Map<String, Vat> payeeVat = new LinkedHashMap<>();
        jdbc.sql("select payee_agb, vat_treatment, vat_rate_bp from allocation_payee_vat where contract_id = ?")
                .param(header.contractId())
                .query((rs, n) -> payeeVat.put(rs.getString("payee_agb"), vat(rs)))
                .list();
        return Optional.of(new CurrentAllocation(header.contractId(), header.allocationVersion(), header.validFrom(),
                header.validUntil(), header.timing(), periods, pendingYears, header.schedule(), payeeVat));
    }

    private static Vat vat(ResultSet rs) throws SQLException {
        int rate = rs.getInt("vat_rate_bp");
        return new Vat(Vat.Treatment.valueOf(rs.getString("vat_treatment")), rs.wasNull() ? null : rate);
    }

    @Override
    public List<BookedEntry> bookedEntries(String contractId) {
        return jdbc.sql("""
                select entry_key, kind, period_start, period_end, uzovi, payee_agb, payee_party_key, sector, amount_cents,
                    instalment_start, instalment_end, vat_cents
                from settlement_entry where contract_id = ? order by sequence""")
                .param(contractId)
                .query((rs, n) -> {
                    LocalDate instalmentStart = rs.getObject("instalment_start", LocalDate.class);
                    long vatCents = rs.getLong("vat_cents");
                    boolean withoutVat = rs.wasNull();
                    return new BookedEntry(rs.getString("entry_key"), EntryKind.valueOf(rs.getString("kind")),
                            new SettlementTarget(contractId, rs.getObject("period_start", LocalDate.class),
                                    rs.getString("uzovi"), rs.getString("payee_agb"), rs.getString("sector"),
                                    instalmentStart),
                            new Period(rs.getObject("period_start", LocalDate.class),
                                    rs.getObject("period_end", LocalDate.class)),
                            rs.getString("payee_party_key"), rs.getLong("amount_cents"),
                            instalmentStart == null ? null
                                    : new Period(instalmentStart, rs.getObject("instalment_end", LocalDate.class)),
                            withoutVat ? null : vatCents);
                })
                .list();
    }

    @Override
    public long reserveSequences(String contractId, int count) {
        return jdbc.sql("update contract_allocation set last_sequence = last_sequence + ? where contract_id = ? returning last_sequence")
                .params(count, contractId)
                .query(Long.class)
                .single() - count + 1;
    }

    /** In one JDBC batch. */
    @Override
    public void insertEntries(List<NewEntry> entries, PaymentTiming timing, String cause, String bookedBy,
            Instant bookedAt) {
        String abbreviated = abbreviate(cause);
        Timestamp at = Timestamp.from(bookedAt);
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (NewEntry entry : entries) {
            Booking booking = entry.booking();
            SettlementTarget t = booking.target();
            rows.add(new Object[] {entry.id(), booking.entryKey(), t.contractId(), entry.sequence(), booking.kind().name(),
                booking.correctsEntryKey(), t.periodStart(), booking.period().end(), t.uzovi(), t.payeeAgb(),
                booking.payeePartyKey(), t.sector(), booking.amountCents(), booking.allocationVersion(), abbreviated,
                bookedBy, at, entry.eventId(), timing.name(), booking.serviceYear(), booking.bookingYear(),
                booking.instalment() == null ? null : booking.instalment().start(),
                booking.instalment() == null ? null : booking.instalment().end(),
                booking.vat() == null ? null : booking.vat().treatment().name(),
                booking.vat() == null ? null : booking.vat().rateBasisPoints(), booking.vatCents()});
        }
        batches.batchUpdate("""
                insert into settlement_entry (id, entry_key, contract_id, sequence, kind, corrects_entry_key, period_start,
                    period_end, uzovi, payee_agb, payee_party_key, sector, amount_cents, allocation_version, cause,
                    booked_by, booked_at, event_id, payment_timing, service_year, booking_year, instalment_start,
                    instalment_end, vat_treatment, vat_rate_bp, vat_cents)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
