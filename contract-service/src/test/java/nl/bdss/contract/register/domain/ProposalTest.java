package nl.bdss.contract.register.domain;

import static nl.bdss.contract.register.domain.ContractFixture.RULES;
import static nl.bdss.contract.register.domain.ContractFixture.SECTORS;
import static nl.bdss.contract.register.domain.ContractFixture.districtNursing;
import static nl.bdss.contract.register.domain.ContractFixture.gp;
import static nl.bdss.contract.register.domain.ContractFixture.insurer;
import static nl.bdss.contract.register.domain.ContractFixture.manualExample;
import static nl.bdss.contract.register.domain.ContractFixture.otherDomain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.bdss.contract.register.domain.ContractDecision.Changed;
import org.junit.jupiter.api.Test;

/** R1: a change binds only parties that agreed to it. */
class ProposalTest {

    private static final Instant PROPOSED_AT = Instant.parse("2025-01-10T09:00:00Z");
    private static final Instant LATER = Instant.parse("2025-01-11T10:30:00Z");
    private static final Actor INSURER_3311 = new Actor(PartyId.insurer("3311"), "insurer-3311");
    private static final PartyId INSURER_3343 = PartyId.insurer("3343");
    private static final PartyId GP = PartyId.provider("01012345");
    private static final PartyId NURSING = PartyId.provider("75750123");

    @Test
    void aRegistration_asksEveryOtherInsurerAndEveryZvwProvider_notTheProposer_norOtherDomains() {
        Proposal proposal = registration(INSURER_3311);

        assertThat(proposal.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(proposal.asked()).containsExactly(new Signatory(INSURER_3343, null), new Signatory(GP, "hap-west"),
                new Signatory(NURSING, "wijkzorg-noord"));
        assertThat(proposal.pending()).isEqualTo(proposal.asked());
        assertThat(proposal.tag()).isEqualTo(new ProposalTag(1, 1));
        assertThat(proposal.basedOnVersion()).isNull();
        assertThat(proposal.involves(INSURER_3311.party())).as("its maker").isTrue();
        assertThat(proposal.asks(INSURER_3311.party())).as("its own acceptance is implied").isFalse();
    }

    @Test
    void withoutAnIdentity_everySignatoryIsAsked() {
        assertThat(registration(Actor.UNKNOWN).asked()).extracting(Signatory::party)
                .containsExactly(PartyId.insurer("3311"), INSURER_3343, GP, NURSING);
    }

    @Test
    void theLastAcceptance_makesItAccepted_andEachDecisionCountsARevision() {
        Proposal proposal = registration(INSURER_3311);

        proposal = changed(proposal.decide(INSURER_3343, "insurer-3343", DecisionType.ACCEPT, null, LATER));
        proposal = changed(proposal.decide(GP, "provider-01012345", DecisionType.ACCEPT, null, LATER));
        assertThat(proposal.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(proposal.pending()).containsExactly(new Signatory(NURSING, "wijkzorg-noord"));
        proposal = changed(proposal.decide(NURSING, "provider-75750123", DecisionType.ACCEPT, null, LATER));

        assertThat(proposal.status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(proposal.closedAt()).isEqualTo(LATER);
        assertThat(proposal.tag()).as("1 when made, +3 decisions").isEqualTo(new ProposalTag(1, 4));
        assertThat(proposal.pending()).isEmpty();
        assertThat(proposal.decisions()).extracting(Decision::clientId)
                .containsExactly("insurer-3343", "provider-01012345", "provider-75750123");
    }

    @Test
    void aDecline_closesIt_withTheReason() {
        Proposal declined = changed(registration(INSURER_3311).decide(GP, "provider-01012345", DecisionType.DECLINE,
                "te weinig budget", LATER));

        assertThat(declined.status()).isEqualTo(ProposalStatus.DECLINED);
        assertThat(declined.closedAt()).isEqualTo(LATER);
        assertThat(declined.pending()).isEmpty();
        assertThat(declined.decisionOf(GP)).hasValueSatisfying(decision -> {
            assertThat(decision.reason()).isEqualTo("te weinig budget");
            assertThat(decision.decidedAt()).isEqualTo(LATER);
        });
        assertThat(declined.decide(INSURER_3343, "insurer-3343", DecisionType.ACCEPT, null, LATER))
                .isInstanceOf(ProposalOutcome.Refused.class);
    }

    @Test
    void theSameAnswerAgain_changesNothing_anotherAnswerIsRefused_aStrangerIsNotAsked() {
        Proposal accepted = changed(registration(INSURER_3311).decide(INSURER_3343, "insurer-3343", DecisionType.ACCEPT,
                null, LATER));

        assertThat(accepted.decide(INSURER_3343, "insurer-3343", DecisionType.ACCEPT, null, LATER))
                .isEqualTo(new ProposalOutcome.Unchanged(accepted));
        assertThat(accepted.decide(INSURER_3343, "insurer-3343", DecisionType.DECLINE, "toch niet", LATER))
                .isInstanceOf(ProposalOutcome.Refused.class);
        assertThat(accepted.decide(PartyId.insurer("7029"), "insurer-7029", DecisionType.ACCEPT, null, LATER))
                .isInstanceOf(ProposalOutcome.NotAsked.class);
        assertThat(accepted.decide(INSURER_3311.party(), "insurer-3311", DecisionType.ACCEPT, null, LATER))
                .as("the proposer is not asked").isInstanceOf(ProposalOutcome.NotAsked.class);
    }

    @Test
    void onlyTheProposer_withdraws_andWithdrawingAgainChangesNothing() {
        Proposal proposal = registration(INSURER_3311);

        assertThat(proposal.withdraw(new Actor(INSURER_3343, "insurer-3343"), LATER))
                .isInstanceOf(ProposalOutcome.NotProposer.class);
        Proposal withdrawn = changed(proposal.withdraw(INSURER_3311, LATER));

        assertThat(withdrawn.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(withdrawn.tag()).isEqualTo(new ProposalTag(1, 2));
        assertThat(withdrawn.withdraw(INSURER_3311, LATER)).isEqualTo(new ProposalOutcome.Unchanged(withdrawn));
        assertThat(withdrawn.decide(GP, "provider-01012345", DecisionType.ACCEPT, null, LATER))
                .isInstanceOf(ProposalOutcome.Refused.class);
    }

    @Test
    void anAmendmentDroppingAnInsurer_asksThatInsurerToo_andAPartyItAdds() {
        Contract current = ((Changed) Contract.register(ContractId.random(), manualExample(), RULES, SECTORS)).contract();
        ContractDocument without3343 = manualExample()
                .withInsurers(insurer("3311"))
                .withPurchasing(new ContractFixture.Purchasing(PurchasingType.SINGLE, null))
                .withParties(new ContractFixture.Party("hap-oost", "Huisartsen Oost", LegalDomain.ZVW,
                                "HUISARTSENZORG", "02020202"), districtNursing(),
                        otherDomain("welzijn-centraal", LegalDomain.WMO), otherDomain("jeugdteam-oost", LegalDomain.JEUGDWET))
                .withExecutionModel(new ContractFixture.ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "hap-oost", null));
        Contract amended = ((Changed) current.amend(without3343, LocalDate.of(2026, 1, 1), RULES, SECTORS)).contract();

        Proposal proposal = Proposal.open(UUID.randomUUID(), 2, ProposalKind.AMENDMENT, INSURER_3311, PROPOSED_AT, current,
                amended, null);

        assertThat(proposal.asked()).extracting(Signatory::party)
                .containsExactly(INSURER_3343, GP, NURSING, PartyId.provider("02020202"));
        assertThat(proposal.basedOnVersion()).isEqualTo(1);
        assertThat(proposal.proposed().version()).isEqualTo(2);
    }

    @Test
    void aProposalsTag_isWrittenAndReadAsPNumberDashRevision() {
        assertThat(new ProposalTag(2, 5).toString()).isEqualTo("p2-5");
        assertThat(ProposalTag.parse("\"p2-5\"")).contains(new ProposalTag(2, 5));
        assertThat(ProposalTag.parse("W/\"p2-5\"")).contains(new ProposalTag(2, 5));
        assertThat(ProposalTag.parse("\"2\"")).as("a version's ETag").isEmpty();
        assertThat(ProposalTag.parse("*")).isEmpty();
    }

    private static Proposal registration(Actor proposer) {
        Contract version = ((Changed) Contract.register(ContractId.random(), manualExample(), RULES, SECTORS)).contract();
        return Proposal.open(UUID.randomUUID(), 1, ProposalKind.REGISTRATION, proposer, PROPOSED_AT, null, version, null);
    }

    private static Proposal changed(ProposalOutcome outcome) {
        assertThat(outcome).isInstanceOf(ProposalOutcome.Changed.class);
        return ((ProposalOutcome.Changed) outcome).proposal();
    }
}
