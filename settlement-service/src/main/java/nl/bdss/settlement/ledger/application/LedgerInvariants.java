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
import nl.bdss.settlement.ledger.application.LedgerFacts.ContractTerms;
import nl.bdss.settlement.ledger.application.LedgerFacts.EntryTerms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the ledger's invariants over the whole database, for operators and tests:
 * total debits = total credits, and every booking balances on its own; per (contract, period) the net of lump
 * sums and corrections equals the payable part of the current allocation, for every period due by the clock or
 * already booked (a period no longer allocated nets to zero); nothing remains settled outside a contract's validity;
 * nothing is paid before it is due (R8): no lump sum booked before its period's due date and no acknowledgement
 * paid (offset, refunded) before it, each by the payment timing the entry was booked under. The day of a booking is
 * the booking moment's date by the clock's zone, the one the service judges what is due by.
 * Contracts whose newest allocation is PENDING are listed; without per-year shares they are not checked (nothing of
 * them is payable yet). With per-year shares the complete years are checked as usual, and a year pending on its own
 * is listed and its booked periods are compared with the last complete allocation of them (kept while it is
 * pending); its periods not booked yet are not payable and not checked.
 */
@Service
public class LedgerInvariants {

    private final LedgerFacts facts;
    private final Clock clock;

    public LedgerInvariants(LedgerFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    public record PeriodMismatch(String contractId, LocalDate periodStart, long allocatedCents, long settledCents) {
    }

    /** A lump sum booked on a day before its period was due. */
    public record BookedBeforeDue(String entryId, String contractId, LocalDate periodStart, LocalDate periodEnd,
            PaymentTiming paymentTiming, LocalDate dueDate, LocalDate bookedOn) {
    }

    /** An entry acknowledged as paid, offset or refunded on a day before its period was due. */
    public record PaidBeforeDue(String entryId, String contractId, LocalDate periodStart, LocalDate periodEnd,
            PaymentTiming paymentTiming, LocalDate dueDate, String status, LocalDate paidOn) {
    }

    /** A contract year pending on its own: its booked periods stay as the last complete allocation had them. */
    public record PendingYear(String contractId, int year) {
    }

    public record Report(boolean holds, long totalDebitCents, long totalCreditCents, List<String> unbalancedBookings,
            int periodsChecked, List<PeriodMismatch> periodMismatches, List<PeriodMismatch> settledOutsideValidity,
            List<String> pendingContracts, LocalDate checkedOn, List<BookedBeforeDue> bookedBeforeDue,
            List<PaidBeforeDue> paidBeforeDue, List<PendingYear> pendingYears) {
    }

    private record Key(String contractId, LocalDate periodStart) {
    }

    @Transactional(readOnly = true)
    public Report check() {
        LocalDate today = LocalDate.now(clock);
        long debits = facts.totalDebitCents();
        long credits = facts.totalCreditCents();
        List<String> unbalanced = facts.unbalancedBookings();

        Map<String, ContractTerms> contracts = new HashMap<>();
        facts.contracts().forEach(terms -> contracts.put(terms.contractId(), terms));
        // what is due of each period by today: the whole period, or under a schedule the instalments due so far
        Map<Key, Long> allocated = new HashMap<>();
        Map<Key, Period> periods = new HashMap<>();
        Map<Key, Boolean> anyDue = new HashMap<>();
        facts.allocatedPerPeriod().forEach(amount -> {
            Key key = new Key(amount.contractId(), amount.period().start());
            ContractTerms terms = contracts.get(amount.contractId());
            long due = terms == null ? amount.cents() : terms.dueCents(amount.period(), amount.cents(), today);
            allocated.merge(key, due, Long::sum);
            periods.put(key, amount.period());
            anyDue.merge(key, terms != null && terms.schedule().instalments(amount.period(), amount.cents()).get(0)
                    .period().isDueOn(today, terms.timing()), Boolean::logicalOr);
        });
        Map<Key, Long> settled = new HashMap<>();
        Map<Key, Integer> serviceYears = new HashMap<>();
        facts.settledPerPeriod().forEach(amount -> {
            Key key = new Key(amount.contractId(), amount.periodStart());
            settled.put(key, amount.cents());
            serviceYears.put(key, amount.serviceYear());
        });
        periods.forEach((key, period) -> serviceYears.put(key, period.year()));

        List<String> pending = contracts.values().stream().filter(terms -> !terms.complete())
                .map(ContractTerms::contractId).sorted().toList();
        List<PeriodMismatch> mismatches = new ArrayList<>();
        List<PeriodMismatch> outside = new ArrayList<>();
        int checked = 0;
        Set<Key> keys = new TreeSet<>(Comparator.comparing(Key::contractId).thenComparing(Key::periodStart));
        keys.addAll(allocated.keySet());
        keys.addAll(settled.keySet());
        for (Key key : keys) {
            ContractTerms terms = contracts.get(key.contractId());
            long settledCents = settled.getOrDefault(key, 0L);
            if (terms != null && settledCents != 0 && !terms.validity().contains(key.periodStart())) {
                outside.add(new PeriodMismatch(key.contractId(), key.periodStart(), 0, settledCents));
            }
            if (terms == null || !terms.payable()) {
                continue;
            }
            boolean pendingYear = terms.pendingYears().contains(serviceYears.get(key));
            boolean due = !pendingYear && anyDue.getOrDefault(key, false);
            if (!due && !settled.containsKey(key)) {
                continue;
            }
            checked++;
            long allocatedCents = allocated.getOrDefault(key, 0L);
            if (allocatedCents != settledCents) {
                mismatches.add(new PeriodMismatch(key.contractId(), key.periodStart(), allocatedCents, settledCents));
            }
        }
        List<BookedBeforeDue> bookedEarly = bookedBeforeDue();
        List<PaidBeforeDue> paidEarly = paidBeforeDue();
        boolean holds = debits == credits && unbalanced.isEmpty() && mismatches.isEmpty() && outside.isEmpty()
                && bookedEarly.isEmpty() && paidEarly.isEmpty();
        List<PendingYear> pendingYears = contracts.values().stream()
                .flatMap(terms -> terms.pendingYears().stream().map(year -> new PendingYear(terms.contractId(), year)))
                .sorted(Comparator.comparing(PendingYear::contractId).thenComparing(PendingYear::year)).toList();
        return new Report(holds, debits, credits, unbalanced, checked, mismatches, outside, pending, today,
                bookedEarly, paidEarly, pendingYears);
    }

    private List<BookedBeforeDue> bookedBeforeDue() {
        List<BookedBeforeDue> early = new ArrayList<>();
        facts.eachLumpSum(lumpSum -> {
            EntryTerms entry = lumpSum.entry();
            LocalDate due = entry.dueDate();
            LocalDate bookedOn = LocalDate.ofInstant(lumpSum.bookedAt(), clock.getZone());
            if (bookedOn.isBefore(due)) {
                early.add(new BookedBeforeDue(entry.entryId(), entry.contractId(), entry.period().start(),
                        entry.period().end(), entry.timing(), due, bookedOn));
            }
        });
        early.sort(Comparator.comparing(BookedBeforeDue::entryId));
        return early;
    }

    private List<PaidBeforeDue> paidBeforeDue() {
        List<PaidBeforeDue> early = new ArrayList<>();
        facts.eachAcknowledgement(acknowledged -> {
            EntryTerms entry = acknowledged.entry();
            LocalDate due = entry.dueDate();
            if (acknowledged.paidOn().isBefore(due)) {
                early.add(new PaidBeforeDue(entry.entryId(), entry.contractId(), entry.period().start(),
                        entry.period().end(), entry.timing(), due, acknowledged.status(), acknowledged.paidOn()));
            }
        });
        early.sort(Comparator.comparing(PaidBeforeDue::entryId));
        return early;
    }
}
