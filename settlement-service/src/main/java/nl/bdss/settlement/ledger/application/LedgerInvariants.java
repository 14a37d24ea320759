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
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.ledger.application.LedgerFacts.ContractTerms;
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

    private final LedgerFacts facts;
    private final Clock clock;

    public LedgerInvariants(LedgerFacts facts, Clock clock) {
        this.facts = facts;
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

    @Transactional(readOnly = true)
    public Report check() {
        LocalDate today = LocalDate.now(clock);
        long debits = facts.totalDebitCents();
        long credits = facts.totalCreditCents();
        List<String> unbalanced = facts.unbalancedBookings();

        Map<String, ContractTerms> contracts = new HashMap<>();
        facts.contracts().forEach(terms -> contracts.put(terms.contractId(), terms));
        Map<Key, Long> allocated = new HashMap<>();
        Map<Key, Period> periods = new HashMap<>();
        facts.allocatedPerPeriod().forEach(amount -> {
            Key key = new Key(amount.contractId(), amount.period().start());
            allocated.put(key, amount.cents());
            periods.put(key, amount.period());
        });
        Map<Key, Long> settled = new HashMap<>();
        facts.settledPerPeriod().forEach(amount -> settled.put(new Key(amount.contractId(), amount.periodStart()),
                amount.cents()));

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
            if (terms == null || !terms.complete()) {
                continue;
            }
            boolean due = periods.containsKey(key) && periods.get(key).isDueOn(today, terms.timing());
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
