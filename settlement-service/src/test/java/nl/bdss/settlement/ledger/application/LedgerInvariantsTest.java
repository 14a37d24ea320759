package nl.bdss.settlement.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.settlement.ledger.application.LedgerInvariants.PendingYear;
import nl.bdss.settlement.ledger.application.LedgerInvariants.PeriodMismatch;
import org.junit.jupiter.api.Test;

/**
 * Settled = allocated per due period, with years pending on their own: a pending year's booked periods are compared
 * with the lines kept from its last complete allocation, its unbooked periods are not payable and not checked.
 * The facts are written out by hand; the clock stands at 2026-11-22 (2025 and 2026 due, in advance).
 */
class LedgerInvariantsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    private static final Period YEAR_2026 = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    private static final Period VALIDITY = new Period(YEAR_2025.start(), YEAR_2026.end());

    @Test
    void aPendingYearsBookedPeriodEqualToItsKeptLines_holds() {
        // 2025 and 2026 booked 1,000,000 each; 2026 pending, its kept lines 1,000,000
        LedgerInvariants.Report report = check(pending2026(),
                List.of(allocated(YEAR_2025, 1_000_000L), allocated(YEAR_2026, 1_000_000L)),
                List.of(settled(YEAR_2025, 1_000_000L), settled(YEAR_2026, 1_000_000L)));

        assertThat(report.holds()).isTrue();
        assertThat(report.periodsChecked()).isEqualTo(2);
        assertThat(report.pendingYears()).containsExactly(new PendingYear("c1", 2026));
    }

    @Test
    void aPendingYearsBookedPeriodThatDiffersFromItsKeptLines_isAMismatch() {
        LedgerInvariants.Report report = check(pending2026(),
                List.of(allocated(YEAR_2025, 1_000_000L), allocated(YEAR_2026, 1_000_000L)),
                List.of(settled(YEAR_2025, 1_000_000L), settled(YEAR_2026, 900_000L)));

        assertThat(report.holds()).isFalse();
        assertThat(report.periodMismatches())
                .containsExactly(new PeriodMismatch("c1", YEAR_2026.start(), 1_000_000L, 900_000L));
    }

    @Test
    void aPendingYearsDuePeriodNotBookedYet_isNotChecked_whileACompleteYearsIs() {
        // 2026 pending with kept lines but nothing booked: not payable, not checked
        LedgerInvariants.Report pending = check(pending2026(),
                List.of(allocated(YEAR_2025, 1_000_000L), allocated(YEAR_2026, 1_000_000L)),
                List.of(settled(YEAR_2025, 1_000_000L)));
        assertThat(pending.holds()).isTrue();
        assertThat(pending.periodsChecked()).isEqualTo(1);

        // the same with 2026 complete: due and unbooked, a mismatch of 1,000,000 against 0
        LedgerInvariants.Report complete = check(new LedgerFacts.ContractTerms("c1", true, VALIDITY,
                        PaymentTiming.IN_ADVANCE, true, Set.of()),
                List.of(allocated(YEAR_2025, 1_000_000L), allocated(YEAR_2026, 1_000_000L)),
                List.of(settled(YEAR_2025, 1_000_000L)));
        assertThat(complete.periodMismatches())
                .containsExactly(new PeriodMismatch("c1", YEAR_2026.start(), 1_000_000L, 0L));
    }

    private static LedgerFacts.ContractTerms pending2026() {
        return new LedgerFacts.ContractTerms("c1", false, VALIDITY, PaymentTiming.IN_ADVANCE, true, Set.of(2026));
    }

    private static LedgerFacts.PeriodAmount allocated(Period period, long cents) {
        return new LedgerFacts.PeriodAmount("c1", period, cents);
    }

    private static LedgerFacts.SettledAmount settled(Period period, long cents) {
        return new LedgerFacts.SettledAmount("c1", period.start(), period.year(), cents);
    }

    private static LedgerInvariants.Report check(LedgerFacts.ContractTerms terms, List<LedgerFacts.PeriodAmount> allocated,
            List<LedgerFacts.SettledAmount> settled) {
        long total = settled.stream().mapToLong(LedgerFacts.SettledAmount::cents).sum();
        LedgerFacts facts = new LedgerFacts() {
            @Override
            public long totalDebitCents() {
                return total;
            }

            @Override
            public long totalCreditCents() {
                return total;
            }

            @Override
            public List<String> unbalancedBookings() {
                return List.of();
            }

            @Override
            public List<ContractTerms> contracts() {
                return List.of(terms);
            }

            @Override
            public List<PeriodAmount> allocatedPerPeriod() {
                return allocated;
            }

            @Override
            public List<SettledAmount> settledPerPeriod() {
                return settled;
            }

            @Override
            public void eachLumpSum(Consumer<LumpSumBooked> check) {
            }

            @Override
            public void eachAcknowledgement(Consumer<Acknowledged> check) {
            }
        };
        return new LedgerInvariants(facts, CLOCK).check();
    }
}
