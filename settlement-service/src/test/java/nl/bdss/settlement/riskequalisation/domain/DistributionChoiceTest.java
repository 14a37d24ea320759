package nl.bdss.settlement.riskequalisation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionChoiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static List<String> fields(DistributionKey key, String justification, ChoiceStatus status,
            LocalDate approvedOn) {
        return DistributionChoice.violations(key, justification, status, approvedOn, TODAY).stream()
                .map(DistributionChoice.Violation::field).toList();
    }

    @Test
    void aProposedOrApprovedKey_isValid() {
        assertThat(fields(DistributionKey.SERVICE_AREA_INSUREDS, null, ChoiceStatus.PROPOSED, null)).isEmpty();
        assertThat(fields(DistributionKey.ALL_INSUREDS, null, ChoiceStatus.APPROVED, TODAY)).isEmpty();
        assertThat(fields(DistributionKey.NOT_ATTRIBUTED, "small amount", ChoiceStatus.APPROVED,
                LocalDate.of(2025, 12, 1))).isEmpty();
    }

    @Test
    void notAttributing_needsAJustification_R19() {
        assertThat(fields(DistributionKey.NOT_ATTRIBUTED, null, ChoiceStatus.PROPOSED, null))
                .containsExactly("justification");
        assertThat(fields(DistributionKey.NOT_ATTRIBUTED, "  ", ChoiceStatus.PROPOSED, null))
                .containsExactly("justification");
    }

    @Test
    void approved_needsTheApprovalDay_notInTheFuture_andProposedHasNone_R19() {
        assertThat(fields(DistributionKey.ALL_INSUREDS, null, ChoiceStatus.APPROVED, null)).containsExactly("approvedOn");
        assertThat(fields(DistributionKey.ALL_INSUREDS, null, ChoiceStatus.APPROVED, TODAY.plusDays(1)))
                .containsExactly("approvedOn");
        assertThat(fields(DistributionKey.ALL_INSUREDS, null, ChoiceStatus.PROPOSED, TODAY))
                .containsExactly("approvedOn");
    }

    @Test
    void keyAndStatusAreRequired_everyViolationNamed() {
        assertThat(fields(null, null, null, null)).containsExactly("distributionKey", "status");
        assertThat(fields(DistributionKey.ALL_INSUREDS, "x".repeat(2001), ChoiceStatus.PROPOSED, null))
                .containsExactly("justification");
    }

    @Test
    void aChoiceIsNeverBuiltBreakingR19_andTheSameChoiceIsRecognised() {
        assertThatThrownBy(() -> new DistributionChoice("3311", 2025, DistributionKey.NOT_ATTRIBUTED, " ",
                ChoiceStatus.PROPOSED, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("justification");
        DistributionChoice choice = new DistributionChoice("3311", 2025, DistributionKey.NOT_ATTRIBUTED, " reason ",
                ChoiceStatus.PROPOSED, null);
        assertThat(choice.justification()).isEqualTo("reason");
        assertThat(choice.sameAs(new DistributionChoice("3311", 2025, DistributionKey.NOT_ATTRIBUTED, "reason",
                ChoiceStatus.PROPOSED, null))).isTrue();
        assertThat(choice.sameAs(new DistributionChoice("3311", 2025, DistributionKey.NOT_ATTRIBUTED, "reason",
                ChoiceStatus.APPROVED, TODAY))).isFalse();
    }
}
