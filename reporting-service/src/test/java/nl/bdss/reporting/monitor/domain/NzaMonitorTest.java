package nl.bdss.reporting.monitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.bdss.kernel.privacy.SmallCells;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import nl.bdss.reporting.monitor.domain.NzaMonitor.Contracts;
import nl.bdss.reporting.monitor.domain.NzaMonitor.DomainFigures;
import nl.bdss.reporting.monitor.domain.NzaMonitor.SectorFigures;
import nl.bdss.reporting.monitor.domain.NzaMonitor.ShownDomain;
import nl.bdss.reporting.monitor.domain.NzaMonitor.ShownSector;
import nl.bdss.reporting.privacy.domain.Audience;
import org.junit.jupiter.api.Test;

class NzaMonitorTest {

    /** The manual's example in one year: Wmo 1,000,000, Jeugdwet 2,000,000, Zvw 3,500,000 per sector (R7). */
    static List<CommittedFigure> manualExampleYear() {
        return List.of(
                new CommittedFigure("JEUGDWET", "", 2_000_000, 1),
                new CommittedFigure("WMO", "", 1_000_000, 1),
                new CommittedFigure("ZVW", "HUISARTSENZORG", 3_500_000, 1),
                new CommittedFigure("ZVW", "WIJKVERPLEGING", 3_500_000, 1));
    }

    @Test
    void manualExample_budgetsAreTheSumsOfTheAllocatedLines_andTheOtherDomainsAreShownWithTheirShares_R20() {
        NzaMonitor monitor = NzaMonitor.of(2025, new Contracts(1, 2, 2, 1), manualExampleYear(), 0,
                Map.of("HUISARTSENZORG", 3_500_000L, "WIJKVERPLEGING", 1_750_000L));

        // 2,000,000 + 1,000,000 + 3,500,000 + 3,500,000 = 10,000,000 for all domains; Zvw 3,500,000 x 2 = 7,000,000
        assertThat(monitor.totalBudgetAllDomainsCents()).isEqualTo(10_000_000);
        assertThat(monitor.totalBudgetZvwCents()).isEqualTo(7_000_000);
        assertThat(monitor.unfundedZvwCents()).isZero();
        assertThat(monitor.contractCount()).isEqualTo(1);
        assertThat(monitor.doubleFundingMeasureContractCount()).isEqualTo(1);
        assertThat(monitor.sectors()).containsExactly(
                new SectorFigures("HUISARTSENZORG", 1, 3_500_000, 3_500_000),
                new SectorFigures("WIJKVERPLEGING", 1, 1_750_000, 3_500_000));
        assertThat(monitor.chargedTotalCents()).isEqualTo(5_250_000);
        assertThat(monitor.otherDomains()).containsExactly(
                new DomainFigures("JEUGDWET", 1, 2_000_000), new DomainFigures("WMO", 1, 1_000_000));
    }

    @Test
    void unfundedZvwPart_isInTheAllDomainsTotalButNotInTheZvwBudget_R11_R20() {
        // Wmo 200,000 + funded Zvw 600,000 + unfunded 200,000 = 1,000,000
        NzaMonitor monitor = NzaMonitor.of(2029, new Contracts(1, 1, 1, 1), List.of(
                new CommittedFigure("WMO", "", 200_000, 1), new CommittedFigure("ZVW", "HUISARTSENZORG", 600_000, 1)),
                200_000, Map.of());

        assertThat(monitor.totalBudgetAllDomainsCents()).isEqualTo(1_000_000);
        assertThat(monitor.totalBudgetZvwCents()).isEqualTo(600_000);
        assertThat(monitor.unfundedZvwCents()).isEqualTo(200_000);
    }

    @Test
    void aSectorOnlySettledInTheYear_isListedWithoutBudget_andAFigureOfNothingIsLeftOut() {
        NzaMonitor monitor = NzaMonitor.of(2031, new Contracts(0, 0, 0, 0),
                List.of(new CommittedFigure("WPG", "", 0, 0)), 0, Map.of("GGZ", 750_000L));

        assertThat(monitor.sectors()).containsExactly(new SectorFigures("GGZ", 0, 750_000, 0));
        assertThat(monitor.otherDomains()).isEmpty();
        assertThat(monitor.totalBudgetAllDomainsCents()).isZero();
    }

    @Test
    void figuresThatDoNotAddUp_areRefused_R20() {
        List<SectorFigures> sectors = List.of(new SectorFigures("GGZ", 1, 0, 600_000));
        List<DomainFigures> domains = List.of(new DomainFigures("WLZ", 1, 400_000));

        assertThatThrownBy(() -> new NzaMonitor(2030, 1, 1_000_000, 500_000, sectors, 1, 1, 0, 0, domains, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalBudgetZvwCents");
        assertThatThrownBy(() -> new NzaMonitor(2030, 1, 999_999, 600_000, sectors, 1, 1, 0, 0, domains, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalBudgetAllDomainsCents");
        assertThatThrownBy(() -> new NzaMonitor(2030, 1, 1_000_000, 600_000, sectors, 1, 1, 0, 0, domains, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("double-funding");
    }

    @Test
    void theSameSectorTwice_isRefused() {
        assertThatThrownBy(() -> NzaMonitor.of(2030, new Contracts(1, 1, 1, 1), List.of(
                new CommittedFigure("ZVW", "GGZ", 1, 1), new CommittedFigure("ZVW", "GGZ", 2, 1)), 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GGZ twice");
    }

    @Test
    void csvRows_carryTheNewFiguresAfterTheExistingOnes() {
        NzaMonitor monitor = NzaMonitor.of(2025, new Contracts(1, 2, 2, 1), manualExampleYear(), 0,
                Map.of("HUISARTSENZORG", 3_500_000L));

        assertThat(monitor.rows()).startsWith(
                List.of(2025, "contracts", "", 1L),
                List.of(2025, "budgetAllDomainsCents", "", 10_000_000L),
                List.of(2025, "budgetZvwCents", "", 7_000_000L));
        assertThat(monitor.rows()).contains(
                List.of(2025, "budgetUnfundedZvwCents", "", 0L),
                List.of(2025, "doubleFundingMeasureContracts", "", 1L),
                List.of(2025, "sectorBudgetCents", "WIJKVERPLEGING", 3_500_000L),
                List.of(2025, "sectorChargedCents", "WIJKVERPLEGING", 0L),
                List.of(2025, "domainContracts", "WMO", 1L),
                List.of(2025, "domainRecordedCents", "JEUGDWET", 2_000_000L));
    }

    @Test
    void aCommittedFigure_namesASectorForZvwOnly_R7() {
        assertThatThrownBy(() -> new CommittedFigure("ZVW", "", 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sector");
        assertThatThrownBy(() -> new CommittedFigure("WMO", "GGZ", 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sector");
    }

    // What an insurer is shown (small cells, issue 14)

    /**
     * A year of five contracts: "own" of the insurer looking, a, b, c and d of others. Committed: HUISARTSENZORG
     * 1,000,000 (own) + 600,000 (a) + 500,000 (b) + 400,000 (c) = 2,500,000, GGZ 300,000 (d); Wmo 100,000 (a);
     * settled: HUISARTSENZORG 2,500,000 by the same four, GGZ 300,000 (d).
     */
    static NzaMonitor fiveContracts() {
        return NzaMonitor.of(2044, new Contracts(5, 3, 4, 2), List.of(new CommittedFigure("WMO", "", 100_000, 1),
                        new CommittedFigure("ZVW", "GGZ", 300_000, 1),
                        new CommittedFigure("ZVW", "HUISARTSENZORG", 2_500_000, 4)),
                0, Map.of("GGZ", 300_000L, "HUISARTSENZORG", 2_500_000L));
    }

    static NzaMonitor.Cells cellsOfFiveContracts() {
        return new NzaMonitor.Cells(Set.of("own", "a", "b", "c", "d"),
                Map.of("GGZ", Set.of("d"), "HUISARTSENZORG", Set.of("own", "a", "b", "c")),
                Map.of("GGZ", Set.of("d"), "HUISARTSENZORG", Set.of("own", "a", "b", "c")),
                Map.of("WMO", Set.of("a")), Set.of());
    }

    @Test
    void toAnInsurer_aSectorOfOneOtherContract_itsComplementAndWhatAddsThemUpAreWithheld_theCountsShown() {
        NzaMonitor.Shown shown = fiveContracts().shownTo(
                Audience.insurer(Set.of("own"), SmallCells.defaults()), cellsOfFiveContracts());

        // GGZ rests on d alone; HUISARTSENZORG (3 others) is the only other sector, withheld so that the Zvw total
        // minus it does not give GGZ away; the totals rest on a, b, c, d: shown
        assertThat(shown.sectors()).containsExactly(new ShownSector("GGZ", null, null, null, true),
                new ShownSector("HUISARTSENZORG", null, null, null, true));
        // 300,000 + 2,500,000
        assertThat(shown.totalBudgetZvwCents()).isEqualTo(2_800_000L);
        assertThat(shown.chargedTotalCents()).isEqualTo(2_800_000L);
        // Wmo rests on a alone: withheld, and with it the all-domains total it is part of
        assertThat(shown.otherDomains()).containsExactly(new ShownDomain("WMO", null, null, true));
        assertThat(shown.totalBudgetAllDomainsCents()).isNull();
        assertThat(shown.unfundedZvwCents()).isZero();
        // the year's contracts: 4 of others
        assertThat(shown.contractCount()).isEqualTo(5);
        assertThat(shown.insurerCount()).isEqualTo(3);
        assertThat(shown.suppressed()).isTrue();
        assertThat(shown.rows()).contains(java.util.Arrays.asList(2044, "sectorBudgetCents", "GGZ", null),
                List.of(2044, "budgetZvwCents", "", 2_800_000L));
    }

    @Test
    void toTheOperator_everyFigureIsShown() {
        NzaMonitor.Shown shown = fiveContracts().shownTo(Audience.everything(), null);

        assertThat(shown.sectors()).containsExactly(new ShownSector("GGZ", 1L, 300_000L, 300_000L, false),
                new ShownSector("HUISARTSENZORG", 4L, 2_500_000L, 2_500_000L, false));
        // 100,000 + 2,800,000
        assertThat(shown.totalBudgetAllDomainsCents()).isEqualTo(2_900_000L);
        assertThat(shown.otherDomains()).containsExactly(new ShownDomain("WMO", 1L, 100_000L, false));
        assertThat(shown.suppressed()).isFalse();
        assertThat(shown.rows()).isEqualTo(fiveContracts().rows());
    }

    @Test
    void toAPartyOfFourOfTheFive_theYearRestsOnOneOtherContract_soTheCountsAreWithheldToo() {
        NzaMonitor.Shown shown = fiveContracts().shownTo(
                Audience.insurer(Set.of("own", "a", "b", "c"), SmallCells.defaults()), cellsOfFiveContracts());

        assertThat(shown.contractCount()).isNull();
        assertThat(shown.providerCount()).isNull();
        assertThat(shown.totalBudgetZvwCents()).isNull();
        // HUISARTSENZORG and Wmo rest on its own contracts only
        assertThat(shown.sectors()).containsExactly(new ShownSector("GGZ", null, null, null, true),
                new ShownSector("HUISARTSENZORG", 4L, 2_500_000L, 2_500_000L, false));
        assertThat(shown.otherDomains()).containsExactly(new ShownDomain("WMO", 1L, 100_000L, false));
    }
}
