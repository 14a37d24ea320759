package nl.bdss.reporting.region.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import nl.bdss.kernel.privacy.SmallCells;
import nl.bdss.reporting.privacy.domain.Audience;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.ContractAmounts;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.RegionLoad;
import nl.bdss.reporting.region.domain.RegionLoadCalculator.ShownRegion;
import org.junit.jupiter.api.Test;

class RegionLoadCalculatorTest {

    static RegionMap threeRegions() {
        return new RegionMap(List.of(new Pc4Range("Noord-Holland", 1000, 1299), new Pc4Range("Utrecht", 3400, 3999),
                new Pc4Range("Zuid-Holland", 2160, 3399)));
    }

    static ContractAmounts aContract(String id, List<String> postcodes, long settled, long committed) {
        return new ContractAmounts(id, postcodes, settled, committed);
    }

    @Test
    void manualExampleServiceArea_allInNoordHolland_carriesTheWholeZvwAmount() {
        List<RegionLoad> loads = RegionLoadCalculator.loads(threeRegions(),
                List.of(aContract("c-1", List.of("1011", "1012", "1013", "1015", "1016"), 7_000_000, 7_000_000)));

        assertThat(loads).containsExactly(new RegionLoad("Noord-Holland", 7_000_000, 7_000_000, 1),
                new RegionLoad("Utrecht", 0, 0, 0), new RegionLoad("Zuid-Holland", 0, 0, 0));
    }

    @Test
    void amountsAreSplitByPostcodeCountWithLargestRemainder_andAddUpExactly() {
        // 2 postcodes in Noord-Holland, 1 in Utrecht: 100 cents -> 66.67 / 33.33 -> 67 / 33 (largest remainder)
        List<RegionLoad> loads = RegionLoadCalculator.loads(threeRegions(),
                List.of(aContract("c-1", List.of("1011AB", "1012 CD", "3511"), 100, 1)));

        assertThat(loads.get(0)).isEqualTo(new RegionLoad("Noord-Holland", 67, 1, 1));
        assertThat(loads.get(1)).isEqualTo(new RegionLoad("Utrecht", 33, 0, 1));
        assertThat(loads.stream().mapToLong(RegionLoad::settledCents).sum()).isEqualTo(100);
    }

    @Test
    void aNetCreditSplitsExactlyToo_andTheSamePostcodeCountsOnce() {
        List<RegionLoad> loads = RegionLoadCalculator.loads(threeRegions(),
                List.of(aContract("c-1", List.of("1011", "1011", "3511", "2500"), -100, 0)));

        assertThat(loads).extracting(RegionLoad::settledCents).containsExactly(-34L, -33L, -33L);
    }

    @Test
    void postcodesAreReadByTheKernelsRule_lowerCaseAndOneSpaceAreOnePostcode_andALetterPairPostNLNeverIssuesIsUnassigned() {
        // 1011ab and 1011 AB are the same PC6; 1012SA is no postcode: 1 postcode in Noord-Holland, 1 unassigned
        List<RegionLoad> loads = RegionLoadCalculator.loads(threeRegions(),
                List.of(aContract("c-1", List.of("1011ab", "1011 AB", "1012SA"), 100, 0)));

        assertThat(loads).containsExactly(new RegionLoad("Noord-Holland", 50, 0, 1), new RegionLoad("Utrecht", 0, 0, 0),
                new RegionLoad("Zuid-Holland", 0, 0, 0), new RegionLoad(RegionMap.UNASSIGNED, 50, 0, 1));
    }

    @Test
    void postcodesOutsideEveryRange_andContractsWithoutServiceArea_areUnassigned() {
        List<RegionLoad> loads = RegionLoadCalculator.loads(threeRegions(), List.of(
                aContract("c-1", List.of("9711", "1011"), 1_000, 0),
                aContract("c-2", List.of(), 250, 500)));

        assertThat(loads.get(loads.size() - 1)).isEqualTo(new RegionLoad(RegionMap.UNASSIGNED, 750, 500, 2));
        assertThat(loads.get(0)).isEqualTo(new RegionLoad("Noord-Holland", 500, 0, 1));
    }

    @Test
    void overlappingRanges_areRefused() {
        assertThatThrownBy(() -> new RegionMap(List.of(new Pc4Range("A", 1000, 1500), new Pc4Range("B", 1500, 1600))))
                .hasMessageContaining("overlaps");
    }

    @Test
    void regionCsv_namesEveryBadValueWithItsLine_andGivesNoMapThen() {
        RegionCsv.Read read = RegionCsv.read("""
                region,pc4From,pc4To
                Utrecht,3400,3999
                Zeeland,4600,4300
                Friesland,0840,8999
                Limburg,5800
                Noord-Brabant,3900,5200
                """);

        assertThat(read.map()).isEmpty();
        assertThat(read.violations()).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("line 3: pc4To", "REQUEST"),
                tuple("line 4: pc4From", "REQUEST"),
                tuple("line 5", "REQUEST"),
                tuple("line 6: pc4From", "R6"));
        assertThat(read.violations().get(3).message()).contains("3900-5200 (Noord-Brabant) overlaps 3400-3999 (Utrecht)");
        assertThat(RegionCsv.read("sector,year\n").violations()).extracting(Violation::field)
                .containsExactly("line 1: header");
    }

    @Test
    void shippedProvinceRanges_coverTheTwelveProvincesWithoutOverlap() throws IOException {
        String csv;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/provinces-pc4.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RegionMap provinces = RegionCsv.read(csv).map().orElseThrow();

        assertThat(provinces.regions()).containsExactly("Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen",
                "Limburg", "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland");
        assertThat(provinces.regionOf("1011 AB")).contains("Noord-Holland");
        assertThat(provinces.regionOf("3011")).contains("Zuid-Holland");
        assertThat(provinces.regionOf("3511")).contains("Utrecht");
        assertThat(provinces.regionOf("6211")).contains("Limburg");
        assertThat(provinces.regionOf("9711")).contains("Groningen");
        assertThat(provinces.regionOf("8911")).contains("Friesland");
        assertThat(provinces.regionOf("1315")).contains("Flevoland");
        for (int pc4 = 1000; pc4 <= 9999; pc4++) {
            assertThat(provinces.regionOf(String.valueOf(pc4))).as("PC4 %d", pc4).isPresent();
        }
    }

    // What an insurer is shown (small cells, issue 14)

    /**
     * Utrecht: one other contract (u, 5,000 settled, 6,000 committed); Noord-Holland: own (100,000 / 0) and three
     * others (a 1,000 / 0, b 2,000 / 0, c 3,000 / 0); Zuid-Holland: none.
     */
    static List<ContractAmounts> oneOtherInUtrecht() {
        return List.of(aContract("u", List.of("3511"), 5_000, 6_000), aContract("own", List.of("1011"), 100_000, 0),
                aContract("a", List.of("1012"), 1_000, 0), aContract("b", List.of("1013"), 2_000, 0),
                aContract("c", List.of("1015"), 3_000, 0));
    }

    @Test
    void toAnInsurer_aRegionOfOneOtherContract_andItsComplementAreWithheld_theTotalsRestOnEnough() {
        RegionLoadCalculator.Shown shown = RegionLoadCalculator.shown(threeRegions(), oneOtherInUtrecht(),
                Audience.insurer(Set.of("own"), SmallCells.defaults()));

        assertThat(shown.regions()).containsExactly(
                // settled: Utrecht (u) withheld, Noord-Holland (a, b, c) its complement; committed: only u, shown 0 there
                new ShownRegion("Noord-Holland", null, 0L, null, true),
                new ShownRegion("Utrecht", null, null, null, true),
                new ShownRegion("Zuid-Holland", 0L, 0L, 0L, false));
        // settled 5,000 + 100,000 + 1,000 + 2,000 + 3,000 = 111,000 on 4 others: shown; committed 6,000 on u alone
        assertThat(shown.settledCents()).isEqualTo(111_000L);
        assertThat(shown.committedCents()).isNull();
        assertThat(shown.suppressed()).isTrue();
    }

    @Test
    void toTheOperator_everyRegionIsShown() {
        RegionLoadCalculator.Shown shown = RegionLoadCalculator.shown(threeRegions(), oneOtherInUtrecht(),
                Audience.everything());

        // Noord-Holland 100,000 + 1,000 + 2,000 + 3,000 = 106,000 of 4 contracts
        assertThat(shown.regions()).containsExactly(new ShownRegion("Noord-Holland", 106_000L, 0L, 4L, false),
                new ShownRegion("Utrecht", 5_000L, 6_000L, 1L, false), new ShownRegion("Zuid-Holland", 0L, 0L, 0L, false));
        assertThat(shown.committedCents()).isEqualTo(6_000L);
        assertThat(shown.suppressed()).isFalse();
    }
}
