package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import nl.bdss.contract.register.domain.ContractFixture.Activity;
import org.junit.jupiter.api.Test;

/** R13: a hybrid meeting (groups and individual patients) is paid only for its extra, group-bound coordination. */
class HybridMeetingRulesTest {

    private static final Activity REGULAR = new Activity("Maandelijks multidisciplinair wijkoverleg", "Voorkomt opnames");
    private static final String DETERMINATION = "het deel van de agenda over de groep, volgens de notulen";

    private static Activity hybrid(Boolean onlyGroupBoundPaid, String determination) {
        return new Activity("Wijkoverleg over groep en patienten", "Afstemming rond kwetsbare ouderen", true,
                onlyGroupBoundPaid, determination);
    }

    @Test
    void acceptsAHybridMeeting_payingOnlyTheGroupBoundPart_determinedAsStated_R13() {
        ContractRules.Assessment assessment = RULES.check(
                manualExample().withActivities(REGULAR, hybrid(true, DETERMINATION)), SECTORS);

        assertThat(assessment.violations()).isEmpty();
        assertThat(assessment.terms().activities()).extracting(ContractTerms.Activity::hybridMeeting,
                ContractTerms.Activity::onlyGroupBoundCoordinationPaid, ContractTerms.Activity::groupBoundPartDetermination)
                .containsExactly(tuple(false, null, null), tuple(true, true, DETERMINATION));
    }

    @Test
    void refusesAHybridMeeting_statingNeither_bothFieldsNamed_R13() {
        assertViolations(manualExample().withActivities(REGULAR, hybrid(null, null)),
                "activities[1].onlyGroupBoundCoordinationPaid", "activities[1].groupBoundPartDetermination");
    }

    @Test
    void refusesAHybridMeeting_thatPaysMoreThanTheGroupBoundPart_R13() {
        assertViolations(manualExample().withActivities(hybrid(false, DETERMINATION)),
                "activities[0].onlyGroupBoundCoordinationPaid");
    }

    @Test
    void refusesAHybridMeeting_withABlankDetermination_R13() {
        assertViolations(manualExample().withActivities(hybrid(true, "  ")), "activities[0].groupBoundPartDetermination");
    }

    @Test
    void aRegularActivityNeedsNoneOfIt_R13() {
        assertThat(RULES.check(manualExample().withActivities(REGULAR,
                new Activity("Casusoverleg", "Afstemming", false, null, null)), SECTORS).violations()).isEmpty();
    }

    private static void assertViolations(ContractDocument document, String... fields) {
        List<Finding> violations = RULES.check(document, SECTORS).violations();
        assertThat(violations).as("violations %s", violations).extracting(Finding::field, Finding::rule)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(fields).map(field -> tuple(field, "R13"))
                        .toArray(org.assertj.core.groups.Tuple[]::new));
        assertThat(violations).allSatisfy(finding -> assertThat(finding.message()).startsWith("R13:"));
    }
}
