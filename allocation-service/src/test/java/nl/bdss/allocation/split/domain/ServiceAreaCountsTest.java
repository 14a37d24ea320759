package nl.bdss.allocation.split.domain;

import static nl.bdss.allocation.split.domain.ContractFixtures.REFERENCE_DATE;
import static nl.bdss.allocation.split.domain.ContractFixtures.count;
import static nl.bdss.allocation.split.domain.ContractFixtures.manualExample;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.kernel.identity.Uzovi;
import org.junit.jupiter.api.Test;

/** The counts behind the market shares, per participating insurer and service-area postcode (R11, R19). */
class ServiceAreaCountsTest {

    @Test
    void manualExample_reportsEachParticipatingInsurersCountPerAreaPostcode_withoutOutsidersOrOtherInsurers_R19() {
        ContractTerms terms = manualExample();
        Allocation allocation = Allocator.allocate(terms, MarketShareCalculator.fromCounts(terms.insurers(),
                terms.serviceArea(), PostcodeLevel.PC4, ContractFixtures.exampleCounts(), CountSource.TRUSTED_THIRD_PARTY,
                REFERENCE_DATE));

        assertThat(allocation.serviceAreaCounts()).containsExactly(
                new ServiceAreaCount("3311", "1011", 1200), new ServiceAreaCount("3311", "1012", 1200),
                new ServiceAreaCount("3311", "1013", 1200), new ServiceAreaCount("3311", "1015", 1200),
                new ServiceAreaCount("3311", "1016", 1200),
                new ServiceAreaCount("3343", "1011", 800), new ServiceAreaCount("3343", "1012", 800),
                new ServiceAreaCount("3343", "1013", 800), new ServiceAreaCount("3343", "1015", 800),
                new ServiceAreaCount("3343", "1016", 800));
    }

    @Test
    void pc6CountsInAPc4Area_areReportedUnderThePc4Postcode_andAPc6AreaUnderItsOwnPostcode_R11() {
        List<Postcode> area = List.of(Postcode.of("1011"), Postcode.of("1012AB"));
        MarketShareOutcome outcome = MarketShareCalculator.fromCounts(List.of(Uzovi.of("3311"), Uzovi.of("3343")), area,
                PostcodeLevel.PC6, List.of(count("3311", "1011AA", 10), count("3311", "1011ZZ", 5),
                        count("3311", "1012AB", 7), count("3311", "1012AC", 99), count("3343", "1011AA", 20)),
                CountSource.INSURERS, REFERENCE_DATE);

        assertThat(outcome.serviceAreaCounts()).containsExactly(new ServiceAreaCount("3311", "1011", 15),
                new ServiceAreaCount("3311", "1012AB", 7), new ServiceAreaCount("3343", "1011", 20));
        assertThat(outcome.shares()).extracting(MarketShare::insuredCount).containsExactly(22L, 20L);
    }

    @Test
    void singlePurchasing_hasNoCounts_R11() {
        assertThat(MarketShareCalculator.single(Uzovi.of("3311")).serviceAreaCounts()).isEmpty();
    }
}
