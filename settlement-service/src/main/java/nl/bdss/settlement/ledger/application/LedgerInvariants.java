package nl.bdss.settlement.ledger.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the ledger's invariants over the whole database, for operators and tests:
 * total debits = total credits, and every booking balances on its own; per (contract, period) the net of lump
 * sums and corrections equals the payable part of the current allocation, for every period due by the clock or
 * already booked (a period no longer allocated nets to zero); nothing remains settled outside a contract's validity.
 * Contracts whose newest allocation is PENDING are listed, not checked (nothing of them is payable yet).
 */
@Service
public class LedgerInvariants {

    private final JdbcClient jdbc;
    private final Clock clock;

    public LedgerInvariants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record PeriodMismatch(String contractId, LocalDate periodStart, long allocatedCents, long settledCents) {
    }

    public record Report(boolean holds, long totalDebitCents, long totalCreditCents, List<String> unbalancedBookings,
            int periodsChecked, List<PeriodMismatch> periodMismatches, List<PeriodMismatch> settledOutsideValidity,
            List<String> pendingContracts, LocalDate checkedOn) {
    }

    private record Key(String contractId, LocalDate periodStart) {
    }

    private record Header(String contractId, String status, LocalDate validFrom, LocalDate validUntil,
            PaymentTiming timing) {
    }

    @Transactional(readOnly = true)
    public Report check() {
        LocalDate today = LocalDate.now(clock);
        long debits = jdbc.sql("select coalesce(sum(debit_cents), 0) from ledger_posting").query(Long.class).single();
        long credits = jdbc.sql("select coalesce(sum(credit_cents), 0) from ledger_posting").query(Long.class).single();
        List<String> unbalanced = jdbc.sql("""
                select booking_ref from ledger_posting group by booking_ref
                having sum(debit_cents) <> sum(credit_cents) order by booking_ref""").query(String.class).list();

        Map<String, Header> headers = new HashMap<>();
        jdbc.sql("select contract_id, status, valid_from, valid_until, payment_timing from contract_allocation")
                .query((rs, n) -> headers.put(rs.getString(1), new Header(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        PaymentTiming.valueOf(rs.getString(5)))))
                .list();
        Map<Key, Long> allocated = new HashMap<>();
        Map<Key, Period> periods = new HashMap<>();
        jdbc.sql("select contract_id, period_start, period_end, sum(amount_cents) from allocation_line group by 1, 2, 3")
                .query((rs, n) -> {
                    Key key = new Key(rs.getString(1), rs.getObject(2, LocalDate.class));
                    allocated.put(key, rs.getLong(4));
                    return periods.put(key, new Period(key.periodStart(), rs.getObject(3, LocalDate.class)));
                })
                .list();
        Map<Key, Long> settled = new HashMap<>();
        jdbc.sql("select contract_id, period_start, sum(amount_cents) from settlement_entry group by 1, 2")
                .query((rs, n) -> settled.put(new Key(rs.getString(1), rs.getObject(2, LocalDate.class)), rs.getLong(3)))
                .list();

        List<String> pending = headers.values().stream().filter(h -> !"COMPLETE".equals(h.status()))
                .map(Header::contractId).sorted().toList();
        List<PeriodMismatch> mismatches = new ArrayList<>();
        List<PeriodMismatch> outside = new ArrayList<>();
        int checked = 0;
        Set<Key> keys = new TreeSet<>(Comparator.comparing(Key::contractId)
                .thenComparing(Key::periodStart));
        keys.addAll(allocated.keySet());
        keys.addAll(settled.keySet());
        for (Key key : keys) {
            Header header = headers.get(key.contractId());
            long settledCents = settled.getOrDefault(key, 0L);
            if (header != null && settledCents != 0
                    && (key.periodStart().isBefore(header.validFrom()) || key.periodStart().isAfter(header.validUntil()))) {
                outside.add(new PeriodMismatch(key.contractId(), key.periodStart(), 0, settledCents));
            }
            if (header == null || !"COMPLETE".equals(header.status())) {
                continue;
            }
            boolean due = periods.containsKey(key) && periods.get(key).isDueOn(today, header.timing());
            if (!due && !settled.containsKey(key)) {
                continue;
            }
            checked++;
            long allocatedCents = allocated.getOrDefault(key, 0L);
            if (allocatedCents != settledCents) {
                mismatches.add(new PeriodMismatch(key.contractId(), key.periodStart(), allocatedCents, settledCents));
            }
        }
        boolean holds = debits == credits && unbalanced.isEmpty() && mismatches.isEmpty() && outside.isEmpty();
        return new Report(holds, debits, credits, unbalanced, checked, mismatches, outside, pending, today);
    }
}
