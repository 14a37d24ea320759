package nl.bdss.allocation.split.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.bdss.allocation.split.domain.Purchasing;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.contract.MarketShareDefinition;
import nl.bdss.events.contract.PurchasingType;
import nl.bdss.events.contract.YearReferenceDate;
import nl.bdss.events.fixtures.ManualExampleEvents;
import org.junit.jupiter.api.Test;

/** The market-share definition's reference dates per contract year, as read from a contract event (R11). */
class ContractYearsMappingTest {

    @Test
    void referenceDatesPerYear_andTheRule_areRead() {
        Purchasing purchasing = ContractTermsMapper.toTerms(version(List.of(
                new YearReferenceDate(2026, LocalDate.of(2026, 2, 1))), "FIRST_OF_JANUARY")).purchasing();

        // 2025: no listed date, the rule gives 1 January; 2026: the listed date
        assertThat(purchasing.referenceDateOf(2025)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(purchasing.referenceDateOf(2026)).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void anUnknownRule_orAYearListedTwice_isRefusedNamingTheField_R11() {
        assertThatThrownBy(() -> ContractTermsMapper.toTerms(version(List.of(), "LAST_OF_JUNE")))
                .isInstanceOfSatisfying(ContractTermsMapper.InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo("contract.purchasing.marketShare.referenceDateRule");
                    assertThat(e.getMessage()).contains("LAST_OF_JUNE").contains("(R11)");
                });
        assertThatThrownBy(() -> ContractTermsMapper.toTerms(version(List.of(
                new YearReferenceDate(2026, LocalDate.of(2026, 2, 1)),
                new YearReferenceDate(2026, LocalDate.of(2026, 3, 1))), null)))
                .isInstanceOfSatisfying(ContractTermsMapper.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("contract.purchasing.marketShare.referenceDates[1].year"));
    }

    private static ContractVersionPublished version(List<YearReferenceDate> dates, String rule) {
        MarketShareDefinition definition = MarketShareDefinition.newBuilder().setBasis("INSURED_COUNT_IN_SERVICE_AREA")
                .setReferenceDate(ManualExampleEvents.REFERENCE_DATE).setSource(CountSource.TRUSTED_THIRD_PARTY)
                .setReferenceDates(dates).setReferenceDateRule(rule).build();
        return ManualExampleEvents.contractVersion("contract-years", 1, ManualExampleEvents.VALID_FROM,
                ManualExampleEvents.contract().setPurchasing(new nl.bdss.events.contract.Purchasing(
                        PurchasingType.COORDINATED, definition)).build()).build();
    }
}
