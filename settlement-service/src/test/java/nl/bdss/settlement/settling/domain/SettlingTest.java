package nl.bdss.settlement.settling.domain;

import static nl.bdss.settlement.settling.domain.AllocationFixture.booked;
import static nl.bdss.settlement.settling.domain.AllocationFixture.manualExample;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.bdss.kernel.time.PaymentTiming;
import org.junit.jupiter.api.Test;

class SettlingTest {

    private static final LocalDate IN_2025 = LocalDate.of(2025, 6, 1);
    private static final LocalDate IN_2026 = LocalDate.of(2026, 11, 22);

    @Test
    void theManualExampleWithTheClockIn2026SettlesFourInstructionsPerYearOf7000000_R8() {
        List<Booking> bookings = Settling.decide(manualExample("c1"), List.of(), IN_2026);

        assertThat(bookings).hasSize(8).allMatch(b -> b.kind() == EntryKind.LUMP_SUM)
                .allMatch(b -> b.target().payeeAgb().equals("01012345"));
        assertThat(totalPerYear(bookings)).containsExactlyInAnyOrderEntriesOf(Map.of(2025, 7_000_000L, 2026, 7_000_000L));
        assertThat(bookings.stream().filter(b -> b.target().periodStart().getYear() == 2025).map(Booking::amountCents))
                .containsExactlyInAnyOrder(2_100_000L, 2_100_000L, 1_400_000L, 1_400_000L);
        assertThat(bookings.get(0).entryKey()).isEqualTo("c1|2025-01-01|3311|01012345|HUISARTSENZORG|LUMP_SUM");
    }

    @Test
    void withTheClockIn2025OnlyThe2025PeriodIsDue() {
        List<Booking> bookings = Settling.decide(manualExample("c1"), List.of(), IN_2025);

        assertThat(bookings).hasSize(4).allMatch(b -> b.target().periodStart().getYear() == 2025);
    }

    @Test
    void settlingAgainAfterBookingBooksNothing() {
        List<Booking> first = Settling.decide(manualExample("c1"), List.of(), IN_2026);

        assertThat(Settling.decide(manualExample("c1"), booked(first), IN_2026)).isEmpty();
        assertThat(Settling.decide(manualExample("c1"), booked(first), IN_2025)).isEmpty();
    }

    @Test
    void anAmendedLumpSumCorrectsOnlyTheAffectedSettledPeriod() {
        List<Booking> settled = Settling.decide(manualExample("c1"), List.of(), IN_2026);

        List<Booking> corrections = Settling.decide(AllocationFixture.amendedFrom2026("c1", 2, 12_000_000L),
                booked(settled), IN_2026);

        assertThat(corrections).hasSize(4).allMatch(b -> b.kind() == EntryKind.CORRECTION)
                .allMatch(b -> b.target().periodStart().getYear() == 2026);
        assertThat(corrections.stream().mapToLong(Booking::amountCents).sum()).isEqualTo(1_400_000L);
        assertThat(corrections.get(0).correctsEntryKey()).isEqualTo(corrections.get(0).target().lumpSumKey());
        assertThat(corrections.get(0).entryKey()).endsWith("|CORRECTION|v2");
    }

    @Test
    void anAmendmentOfAPeriodNotYetDueBooksNoCorrection() {
        List<Booking> settled = Settling.decide(manualExample("c1"), List.of(), IN_2025);

        List<Booking> next = Settling.decide(AllocationFixture.amendedFrom2026("c1", 2, 12_000_000L), booked(settled), IN_2025);

        assertThat(next).isEmpty();
    }

    @Test
    void aLineThatDisappearsIsCreditedInFull() {
        List<Booking> settled = Settling.decide(manualExample("c1"), List.of(), IN_2026);
        CurrentAllocation without3343 = new CurrentAllocation("c1", 2, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), PaymentTiming.IN_ADVANCE, manualExample("c1").periods().stream()
                        .map(p -> new AllocatedPeriod(p.period(), p.lines().stream()
                                .filter(l -> l.target().uzovi().equals("3311")).toList()))
                        .toList());

        List<Booking> corrections = Settling.decide(without3343, booked(settled), IN_2026);

        assertThat(corrections).hasSize(4).allMatch(b -> b.target().uzovi().equals("3343"))
                .allMatch(b -> b.amountCents() == -1_400_000L);
    }

    @Test
    void terminationMid2026CreditsTheAdvancePaymentBeyondTheEndProRata() {
        List<Booking> settled = Settling.decide(manualExample("c1"), List.of(), IN_2026);
        LocalDate end = LocalDate.of(2026, 6, 30);

        List<Booking> credits = Settling.decide(AllocationFixture.terminated("c1", 2, end), booked(settled), IN_2026);

        long proRataZvw = AllocationFixture.year("c1", 2026, end, 10_000_000L * 181 / 365).payableCents();
        assertThat(credits).hasSize(4).allMatch(b -> b.kind() == EntryKind.CORRECTION && b.amountCents() < 0)
                .allMatch(b -> b.period().end().equals(end));
        assertThat(credits.stream().mapToLong(Booking::amountCents).sum()).isEqualTo(proRataZvw - 7_000_000L);
        List<Booking> all = new ArrayList<>(settled);
        all.addAll(credits);
        assertThat(totalPerYear(all)).containsEntry(2025, 7_000_000L).containsEntry(2026, proRataZvw);
    }

    @Test
    void aCorrectionIsItselfCorrectedByTheNextVersionAgainstTheNetAmount() {
        List<Booking> history = new ArrayList<>(Settling.decide(manualExample("c1"), List.of(), IN_2026));
        history.addAll(Settling.decide(AllocationFixture.amendedFrom2026("c1", 2, 12_000_000L), booked(history), IN_2026));

        List<Booking> back = Settling.decide(AllocationFixture.amendedFrom2026("c1", 3, 10_000_000L), booked(history), IN_2026);

        assertThat(back).hasSize(4).allMatch(b -> b.entryKey().endsWith("|v3"));
        assertThat(back.stream().mapToLong(Booking::amountCents).sum()).isEqualTo(-1_400_000L);
    }

    private static Map<Integer, Long> totalPerYear(List<Booking> bookings) {
        return bookings.stream().collect(Collectors.groupingBy(b -> b.target().periodStart().getYear(),
                Collectors.summingLong(Booking::amountCents)));
    }

    // Years pending on their own, and the booking year

    @Test
    void aYearPendingOnItsOwn_isNeitherBookedNorCorrected_whileTheCompleteYearIsPaid() {
        CurrentAllocation with2026Pending = new CurrentAllocation("c1", 1, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), PaymentTiming.IN_ADVANCE,
                List.of(AllocationFixture.year("c1", 2025, LocalDate.of(2025, 12, 31), 10_000_000L)), Set.of(2026));

        List<Booking> bookings = Settling.decide(with2026Pending, List.of(), IN_2026);

        // 2025 only: 2,100,000 + 2,100,000 + 1,400,000 + 1,400,000 = 7,000,000
        assertThat(bookings).hasSize(4).allMatch(b -> b.serviceYear() == 2025 && b.bookingYear() == 2025);
        assertThat(totalPerYear(bookings)).containsExactlyEntriesOf(Map.of(2025, 7_000_000L));
    }

    @Test
    void aBookedYearThatBecomesPending_keepsWhatWasBooked_evenWhenItsKeptLinesDifferOrAreGone() {
        List<Booking> settled = Settling.decide(manualExample("c1"), List.of(), IN_2026);
        // the amendment makes 2026 pending: its lines are kept (here even lowered) or left out, never corrected
        CurrentAllocation keptLowered = new CurrentAllocation("c1", 2, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), PaymentTiming.IN_ADVANCE,
                List.of(AllocationFixture.year("c1", 2025, LocalDate.of(2025, 12, 31), 10_000_000L),
                        AllocationFixture.year("c1", 2026, LocalDate.of(2026, 12, 31), 5_000_000L)), Set.of(2026));
        CurrentAllocation leftOut = new CurrentAllocation("c1", 2, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), PaymentTiming.IN_ADVANCE,
                List.of(AllocationFixture.year("c1", 2025, LocalDate.of(2025, 12, 31), 10_000_000L)), Set.of(2026));

        assertThat(Settling.decide(keptLowered, booked(settled), IN_2026)).isEmpty();
        assertThat(Settling.decide(leftOut, booked(settled), IN_2026)).isEmpty();
    }

    @Test
    void aCorrectionForAClosedYear_isBookedInTheNextOpenYear_andNamesItsServiceYear_R17() {
        List<Booking> settled = Settling.decide(manualExample("c1"), List.of(), IN_2026);
        // 2025 raised to 12,000,000: Zvw 8,400,000, per sector 4,200,000 = 2,520,000 (3311) + 1,680,000 (3343)
        CurrentAllocation raised2025 = new CurrentAllocation("c1", 2, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), PaymentTiming.IN_ADVANCE,
                List.of(AllocationFixture.year("c1", 2025, LocalDate.of(2025, 12, 31), 12_000_000L),
                        AllocationFixture.year("c1", 2026, LocalDate.of(2026, 12, 31), 10_000_000L)));

        List<Booking> corrections = Settling.decide(raised2025, booked(settled), IN_2026, ClosedYears.of(List.of(2025)));

        // per line +420,000 (3311) and +280,000 (3343), twice each: 1,400,000
        assertThat(corrections).hasSize(4).allMatch(b -> b.kind() == EntryKind.CORRECTION)
                .allMatch(b -> b.serviceYear() == 2025 && b.bookingYear() == 2026);
        assertThat(corrections).extracting(Booking::amountCents)
                .containsExactlyInAnyOrder(420_000L, 420_000L, 280_000L, 280_000L);
        assertThat(settled).allMatch(b -> b.bookingYear() == b.serviceYear());
    }
}
