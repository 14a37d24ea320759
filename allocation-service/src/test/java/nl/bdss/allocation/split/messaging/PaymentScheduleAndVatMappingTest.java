package nl.bdss.allocation.split.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.PayeeVat;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.common.PaymentSchedule;
import nl.bdss.events.common.VatTreatment;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ExecutionModel;
import nl.bdss.events.contract.ExecutionModelType;
import nl.bdss.events.contract.Party;
import nl.bdss.events.contract.PartyVat;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.kernel.money.Vat;
import org.junit.jupiter.api.Test;

/** The payment schedule (R8) and the VAT per payee (R10), as read from a contract event and passed on. */
class PaymentScheduleAndVatMappingTest {

    private static final String GP = ManualExampleEvents.MAIN_CONTRACTOR_AGB;
    private static final String NURSE = ManualExampleEvents.DISTRICT_NURSING_AGB;

    @Test
    void theSchedule_andThePaidProvidersVat_areRead_underAMainContractorOnlyItsOwn_R10() {
        ContractTerms terms = ContractTermsMapper.toTerms(version(ManualExampleEvents.contract()
                .setPaymentSchedule(PaymentSchedule.MONTHLY)
                .setParties(parties(new PartyVat(VatTreatment.INCLUDED, 2100), new PartyVat(VatTreatment.EXEMPT, null)))));

        assertThat(terms.paymentSchedule()).isEqualTo(nl.bdss.kernel.time.PaymentSchedule.MONTHLY);
        // the district nurse states its VAT but is not paid: the main contractor is
        assertThat(terms.vatOfPayees()).containsExactly(new PayeeVat(GP, Vat.included(2100)));
    }

    @Test
    void amongEqualPartners_everyPaidProvidersVat_isPassedOn_inCodeOrder_andOneWithoutNone() {
        ContractTerms terms = ContractTermsMapper.toTerms(version(ManualExampleEvents.contract()
                .setExecutionModel(new ExecutionModel(ExecutionModelType.EQUAL_PARTNERS, null, List.of()))
                .setParties(parties(null, new PartyVat(VatTreatment.EXEMPT, null)))));

        assertThat(terms.vatOfPayees()).containsExactly(new PayeeVat(NURSE, Vat.EXEMPT));
    }

    @Test
    void anEventWithoutThem_isPaidPerPeriod_withoutVatStatements() {
        ContractTerms terms = ContractTermsMapper.toTerms(version(ManualExampleEvents.contract()));

        assertThat(terms.paymentSchedule()).isEqualTo(nl.bdss.kernel.time.PaymentSchedule.PER_PERIOD);
        assertThat(terms.vatOfPayees()).isEmpty();
    }

    @Test
    void aRateMissing_orAScheduleThatDoesNotDivideThePeriod_isRefusedNamingTheField() {
        assertThatThrownBy(() -> ContractTermsMapper.toTerms(version(ManualExampleEvents.contract()
                .setParties(parties(new PartyVat(VatTreatment.INCLUDED, null), null)))))
                .isInstanceOfSatisfying(ContractTermsMapper.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("contract.parties[0].vat"));
        assertThatThrownBy(() -> ContractTermsMapper.toTerms(version(ManualExampleEvents.contract()
                .setBudget(ManualExampleEvents.budget(ManualExampleEvents.LUMP_SUM_CENTS, BudgetPeriod.MONTH))
                .setPaymentSchedule(PaymentSchedule.QUARTERLY))))
                .isInstanceOfSatisfying(ContractTermsMapper.InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo("contract.paymentSchedule");
                    assertThat(e.getMessage()).contains("(R8)");
                });
    }

    private static List<Party> parties(PartyVat gp, PartyVat nurse) {
        return List.of(
                new Party(ManualExampleEvents.MAIN_CONTRACTOR, "Huisartsenpraktijk West", LegalDomain.ZVW, "HUISARTSENZORG", GP, gp),
                new Party("wijkzorg-noord", "Wijkzorg Noord", LegalDomain.ZVW, "WIJKVERPLEGING", NURSE, nurse),
                new Party("welzijn-centraal", "Welzijn Centraal", LegalDomain.WMO, null, null, null),
                new Party("jeugdteam-oost", "Jeugdteam Oost", LegalDomain.JEUGDWET, null, null, null));
    }

    private static nl.bdss.events.contract.ContractVersionPublished version(ContractState.Builder contract) {
        return ManualExampleEvents.contractVersion("schedule-and-vat", 1, ManualExampleEvents.VALID_FROM, contract.build())
                .build();
    }
}
