package nl.bdss.settlement.settling.domain;

import static nl.bdss.settlement.settling.domain.AllocationFixture.booked;
import static nl.bdss.settlement.settling.domain.AllocationFixture.manualExample;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
