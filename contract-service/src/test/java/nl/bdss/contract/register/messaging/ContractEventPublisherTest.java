package nl.bdss.contract.register.messaging;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.coordinated;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractDecision;
import nl.bdss.contract.register.domain.ContractDocument;
import nl.bdss.contract.register.domain.ContractFixture;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.events.contract.Activity;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.MarketShareDefinition;
import nl.bdss.events.contract.YearReferenceDate;
import org.junit.jupiter.api.Test;

/** The published market-share definition (R11) and activities (R13), field by field. */
class ContractEventPublisherTest {

    private static final Instant AT = Instant.parse("2025-01-10T09:00:00Z");

    private static ContractVersionPublished published(ContractDocument document) {
        Contract contract = ((ContractDecision.Changed) Contract.register(ContractId.random(), document, RULES, SECTORS))
                .contract();
        return ContractEventPublisher.event(contract, ContractChange.REGISTERED, List.of(), AT);
    }

    @Test
    void theManualsExample_publishesItsOneDate_noDatesPerYear_noRule_noHybridMeeting() {
        ContractVersionPublished event = published(manualExample());

        MarketShareDefinition marketShare = event.getContract().getPurchasing().getMarketShare();
        assertThat(marketShare.getReferenceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(marketShare.getReferenceDates()).isEmpty();
        assertThat(marketShare.getReferenceDateRule()).isNull();
        assertThat(event.getContract().getActivities()).extracting(Activity::getHybridMeeting,
                Activity::getOnlyGroupBoundCoordinationPaid, Activity::getGroupBoundPartDetermination)
                .containsExactly(tuple(false, null, null));
    }

    @Test
    void datesPerYear_arePublishedInYearOrder_withTheFirstYearsDateAsTheSingleOne() {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        dates.put("2027", LocalDate.of(2027, 3, 1));
        dates.put("2025", LocalDate.of(2025, 3, 1));
        dates.put("2026", LocalDate.of(2026, 4, 1));
        ContractDocument document = manualExample().withValidity(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31))
                .withPurchasing(coordinated(null, dates, null));

        MarketShareDefinition marketShare = published(document).getContract().getPurchasing().getMarketShare();

        assertThat(marketShare.getReferenceDates()).extracting(YearReferenceDate::getYear, YearReferenceDate::getReferenceDate)
                .containsExactly(tuple(2025, LocalDate.of(2025, 3, 1)), tuple(2026, LocalDate.of(2026, 4, 1)),
                        tuple(2027, LocalDate.of(2027, 3, 1)));
        assertThat(marketShare.getReferenceDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(marketShare.getReferenceDateRule()).isNull();
    }

    @Test
    void aRuleOnly_isPublished_withTheFirstContractYearsDate() {
        // the manual's example starts on 2025-01-01: the rule gives 1 January 2025 for its first year
        MarketShareDefinition marketShare = published(manualExample()
                .withPurchasing(coordinated(null, null, "FIRST_OF_JANUARY"))).getContract().getPurchasing().getMarketShare();

        assertThat(marketShare.getReferenceDateRule()).isEqualTo("FIRST_OF_JANUARY");
        assertThat(marketShare.getReferenceDates()).isEmpty();
        assertThat(marketShare.getReferenceDate()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aHybridMeeting_isPublishedWithWhatIsPaidAndHow() {
        ContractVersionPublished event = published(manualExample().withActivities(new ContractFixture.Activity(
                "Wijkoverleg", "Afstemming", true, true, "aandeel agendatijd over de groep")));

        assertThat(event.getContract().getActivities()).extracting(Activity::getHybridMeeting,
                Activity::getOnlyGroupBoundCoordinationPaid, Activity::getGroupBoundPartDetermination)
                .containsExactly(tuple(true, true, "aandeel agendatijd over de groep"));
    }
}
