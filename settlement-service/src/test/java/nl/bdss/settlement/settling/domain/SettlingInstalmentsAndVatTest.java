package nl.bdss.settlement.settling.domain;

import static nl.bdss.settlement.settling.domain.AllocationFixture.MAIN_CONTRACTOR;
import static nl.bdss.settlement.settling.domain.AllocationFixture.allocation;
import static nl.bdss.settlement.settling.domain.AllocationFixture.booked;
import static nl.bdss.settlement.settling.domain.AllocationFixture.manualExample;
import static nl.bdss.settlement.settling.domain.AllocationFixture.paid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import org.junit.jupiter.api.Test;

/**
 * The manual's example (per year and sector: 3311 owes 2,100,000 and 3343 1,400,000 cents to the main contractor)
 * paid in monthly or quarterly instalments, and with the main contractor's VAT (R8, R10).
 */
class SettlingInstalmentsAndVatTest {

    private static final LocalDate MID_MARCH_2025 = LocalDate.of(2025, 3, 15);

    private static CurrentAllocation monthly(CurrentAllocation allocation, Map<String, Vat> vat) {
        return paid(allocation, PaymentTiming.IN_ADVANCE, PaymentSchedule.MONTHLY, vat);
    }

    @Test
    void monthlyInAdvance_inMidMarch_booksJanuaryToMarch_eachATwelfthOfTheYear_theTiesToTheEarlierMonths_R8() {
        List<Booking> bookings = Settling.decide(monthly(manualExample("c1"), Map.of()), List.of(), MID_MARCH_2025);

        // 4 lines x 3 months; 2,100,000 / 12 = 175,000 exactly; 1,400,000 / 12 = 116,666.67: 8 months get a cent more
        assertThat(bookings).hasSize(12).allMatch(b -> b.kind() == EntryKind.LUMP_SUM)
                .allMatch(b -> b.period().start().equals(LocalDate.of(2025, 1, 1)) && b.period().end().equals(LocalDate.of(2025, 12, 31)));
        assertThat(bookings).filteredOn(b -> b.target().uzovi().equals("3311")).extracting(Booking::amountCents)
                .containsOnly(175_000L).hasSize(6);
        assertThat(bookings).filteredOn(b -> b.target().uzovi().equals("3343")).extracting(Booking::amountCents)
                .containsOnly(116_667L).hasSize(6);
        assertThat(bookings).extracting(b -> b.instalment().start() + ".." + b.instalment().end()).containsOnly(
                "2025-01-01..2025-01-31", "2025-02-01..2025-02-28", "2025-03-01..2025-03-31");
        assertThat(bookings.get(0).entryKey())
                .isEqualTo("c1|2025-01-01|3311|" + MAIN_CONTRACTOR + "|HUISARTSENZORG|i2025-01-01|LUMP_SUM");
        assertThat(bookings).allMatch(b -> b.vat() == null && b.vatCents() == null);
    }

    @Test
    void theTwelveInstalmentsOfAYear_addUpToItsAmountExactly_andSettlingAgainBooksNothing() {
        CurrentAllocation allocation = monthly(manualExample("c1"), Map.of());
        List<Booking> first = Settling.decide(allocation, List.of(), MID_MARCH_2025);
        assertThat(Settling.decide(allocation, booked(first), MID_MARCH_2025)).isEmpty();

        List<Booking> wholeYear = new ArrayList<>(first);
        wholeYear.addAll(Settling.decide(allocation, booked(first), LocalDate.of(2025, 12, 1)));

        assertThat(wholeYear).filteredOn(b -> b.target().uzovi().equals("3343") && b.target().sector().equals("WIJKVERPLEGING"))
                .hasSize(12).extracting(Booking::amountCents).containsExactly(116_667L, 116_667L, 116_667L, 116_667L,
                        116_667L, 116_667L, 116_667L, 116_667L, 116_666L, 116_666L, 116_666L, 116_666L);
        assertThat(wholeYear.stream().mapToLong(Booking::amountCents).sum()).isEqualTo(7_000_000L);
    }

    @Test
    void quarterlyInArrears_aQuarterIsDueTheDayAfterItEnds() {
        CurrentAllocation allocation = paid(manualExample("c1"), PaymentTiming.IN_ARREARS, PaymentSchedule.QUARTERLY,
                Map.of());

        assertThat(Settling.decide(allocation, List.of(), LocalDate.of(2025, 3, 31))).isEmpty();
        List<Booking> firstQuarter = Settling.decide(allocation, List.of(), LocalDate.of(2025, 4, 1));
        // 2,100,000 / 4 and 1,400,000 / 4, the first quarter's share of each line
        assertThat(firstQuarter).hasSize(4).extracting(Booking::amountCents)
                .containsExactlyInAnyOrder(525_000L, 525_000L, 350_000L, 350_000L);
        assertThat(firstQuarter).extracting(b -> b.duePeriod().end()).containsOnly(LocalDate.of(2025, 3, 31));
    }

    @Test
    void anAmendedYear_correctsEachBookedInstalment_andBooksTheRestAtTheNewAmount() {
        List<Booking> booked = Settling.decide(monthly(manualExample("c1"), Map.of()), List.of(), MID_MARCH_2025);

        // 12,000,000 a year: 3311 owes 2,520,000 per sector, 210,000 a month; 3343 1,680,000, 140,000 a month
        List<Booking> corrections = Settling.decide(monthly(allocation("c1", 2, LocalDate.of(2026, 12, 31), 12_000_000L),
                Map.of()), booked(booked), MID_MARCH_2025);

        assertThat(corrections).hasSize(12).allMatch(b -> b.kind() == EntryKind.CORRECTION);
        assertThat(corrections).filteredOn(b -> b.target().uzovi().equals("3311")).extracting(Booking::amountCents)
                .containsOnly(35_000L);
        assertThat(corrections).filteredOn(b -> b.target().uzovi().equals("3343")).extracting(Booking::amountCents)
                .containsOnly(23_333L);
        assertThat(corrections.get(0).entryKey()).endsWith("|i2025-01-01|CORRECTION|v2");
        assertThat(corrections.get(0).correctsEntryKey()).endsWith("|i2025-01-01|LUMP_SUM");
    }

    @Test
    void aPeriodPaidWhole_thenInInstalments_isCreditedWhole_andItsDueInstalmentsBooked() {
        List<Booking> whole = Settling.decide(manualExample("c1"), List.of(), MID_MARCH_2025);

        List<Booking> switched = Settling.decide(monthly(allocation("c1", 2, LocalDate.of(2026, 12, 31), 10_000_000L),
                Map.of()), booked(whole), MID_MARCH_2025);

        assertThat(switched).filteredOn(b -> b.kind() == EntryKind.CORRECTION).hasSize(4)
                .allMatch(b -> b.instalment() == null && b.amountCents() == -whole.stream()
                        .filter(w -> w.target().equals(b.target())).findFirst().orElseThrow().amountCents());
        assertThat(switched).filteredOn(b -> b.kind() == EntryKind.LUMP_SUM).hasSize(12);
        // what is owed by mid-March is three months: 3 x (2 x 175,000 + 2 x 116,667)
        long net = whole.stream().mapToLong(Booking::amountCents).sum() + switched.stream().mapToLong(Booking::amountCents).sum();
        assertThat(net).isEqualTo(3 * (2 * 175_000L + 2 * 116_667L));
    }

    @Test
    void vatIncludedAt21Percent_isTheVatPartOfEachInstalment_andACorrectionBringsTheVatToThatOfTheNewTotal_R10() {
        Map<String, Vat> vat = Map.of(MAIN_CONTRACTOR, Vat.included(2100));
        List<Booking> booked = Settling.decide(monthly(manualExample("c1"), vat), List.of(), MID_MARCH_2025);

        // 175,000 x 2100 / 12100 = 30,371.90 -> 30,372; 116,667 x 2100 / 12100 = 20,248.24 -> 20,248
        assertThat(booked).filteredOn(b -> b.amountCents() == 175_000L).extracting(Booking::vatCents).containsOnly(30_372L);
        assertThat(booked).filteredOn(b -> b.amountCents() == 116_667L).extracting(Booking::vatCents).containsOnly(20_248L);
        assertThat(booked).allMatch(b -> b.vat().equals(Vat.included(2100)));

        List<Booking> corrections = Settling.decide(monthly(allocation("c1", 2, LocalDate.of(2026, 12, 31), 12_000_000L),
                vat), booked(booked), MID_MARCH_2025);

        // 210,000 x 2100 / 12100 = 36,446.28 -> 36,446, less the 30,372 booked: 6,074
        assertThat(corrections).filteredOn(b -> b.amountCents() == 35_000L).extracting(Booking::vatCents)
                .containsOnly(6_074L);
        // 140,000 x 2100 / 12100 = 24,297.52 -> 24,298, less 20,248: 4,050
        assertThat(corrections).filteredOn(b -> b.amountCents() == 23_333L).extracting(Booking::vatCents)
                .containsOnly(4_050L);
    }

    @Test
    void anExemptPayee_hasAVatPartOfZero_andAPayeeWithoutAStatementNone_R10() {
        List<Booking> exempt = Settling.decide(paid(manualExample("c1"), PaymentTiming.IN_ADVANCE,
                PaymentSchedule.PER_PERIOD, Map.of(MAIN_CONTRACTOR, Vat.EXEMPT)), List.of(), MID_MARCH_2025);
        List<Booking> unstated = Settling.decide(paid(manualExample("c1"), PaymentTiming.IN_ADVANCE,
                PaymentSchedule.PER_PERIOD, Map.of("99999999", Vat.included(2100))), List.of(), MID_MARCH_2025);

        assertThat(exempt).hasSize(4).allMatch(b -> b.vat() == Vat.EXEMPT && b.vatCents() == 0L && b.instalment() == null);
        assertThat(unstated).hasSize(4).allMatch(b -> b.vat() == null && b.vatCents() == null);
    }
}
