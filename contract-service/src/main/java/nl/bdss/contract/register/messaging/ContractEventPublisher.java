package nl.bdss.contract.register.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.bdss.contract.register.application.ContractEvents;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.contract.register.domain.ContractTerms;
import nl.bdss.events.Topics;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.common.PaymentSchedule;
import nl.bdss.events.common.PaymentTiming;
import nl.bdss.events.common.VatTreatment;
import nl.bdss.events.contract.Activity;
import nl.bdss.events.contract.Agreements;
import nl.bdss.events.contract.Attestations;
import nl.bdss.events.contract.Budget;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractStatus;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.contract.DomainShare;
import nl.bdss.events.contract.ExecutionModel;
import nl.bdss.events.contract.ExecutionModelType;
import nl.bdss.events.contract.Insurer;
import nl.bdss.events.contract.MarketShareDefinition;
import nl.bdss.events.contract.PartnerShare;
import nl.bdss.events.contract.Party;
import nl.bdss.events.contract.PartyVat;
import nl.bdss.events.contract.Purchasing;
import nl.bdss.events.contract.PurchasingType;
import nl.bdss.events.contract.SectorShare;
import nl.bdss.events.contract.TargetGroup;
import nl.bdss.events.contract.YearReferenceDate;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Announces every new contract version as {@link ContractVersionPublished} with the full contract state, through
 * the outbox: call it inside the transaction that stores the version.
 */
@Component
class ContractEventPublisher implements ContractEvents {

    private final Outbox outbox;

    ContractEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(Contract contract, nl.bdss.contract.register.domain.ContractChange change,
            List<ContractId> overlappingContracts, Instant occurredAt) {
        outbox.append(Topics.CONTRACT_VERSIONS, contract.id().toString(),
                event(contract, change, overlappingContracts, occurredAt));
    }

    /** The event a version is published with (also what a preview asks allocation about). */
    static ContractVersionPublished event(Contract contract, nl.bdss.contract.register.domain.ContractChange change,
            List<ContractId> overlappingContracts, Instant occurredAt) {
        return ContractVersionPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(occurredAt)
                .setContractId(contract.id().toString())
                .setVersion(contract.version())
                .setChange(ContractChange.valueOf(change.name()))
                .setEffectiveFrom(contract.effectiveFrom())
                .setContract(state(contract, overlappingContracts))
                .build();
    }

    static ContractState state(Contract contract, List<ContractId> overlappingContracts) {
        ContractTerms terms = contract.terms();
        return ContractState.newBuilder()
                .setReference(terms.reference())
                .setTitle(terms.title())
                .setStatus(ContractStatus.valueOf(contract.status().name()))
                .setValidFrom(terms.validity().start())
                .setValidUntil(terms.validity().end())
                .setInsurers(terms.insurers().stream()
                        .map(insurer -> new Insurer(insurer.uzovi().code(), insurer.name())).toList())
                .setParties(terms.parties().stream().map(ContractEventPublisher::party).toList())
                .setTargetGroup(new TargetGroup(terms.targetGroup().description(), terms.targetGroup().characteristics(),
                        terms.targetGroup().serviceArea().stream().map(Postcode::value).toList()))
                .setActivities(terms.activities().stream().map(ContractEventPublisher::activity).toList())
                .setBudget(budget(terms.budget()))
                .setExecutionModel(executionModel(terms.executionModel()))
                .setPurchasing(purchasing(terms))
                .setPaymentTiming(PaymentTiming.valueOf(terms.paymentTiming().name()))
                .setAttestations(attestations(terms.attestations()))
                .setAgreements(agreements(terms.agreements()))
                .setOverlappingContractIds(overlappingContracts.stream().map(ContractId::toString).toList())
                .setPaymentSchedule(PaymentSchedule.valueOf(terms.paymentSchedule().name()))
                .build();
    }

    private static Party party(ContractTerms.Party party) {
        return Party.newBuilder()
                .setKey(party.key())
                .setName(party.name())
                .setDomain(LegalDomain.valueOf(party.domain().name()))
                .setSector(party.sector() == null ? null : party.sector().code())
                .setAgb(party.agb() == null ? null : party.agb().code())
                .setVat(party.vat() == null ? null : PartyVat.newBuilder()
                        .setTreatment(VatTreatment.valueOf(party.vat().treatment().name()))
                        .setRateBasisPoints(party.vat().rateBasisPoints())
                        .build())
                .build();
    }

    private static Budget budget(ContractTerms.Budget budget) {
        return Budget.newBuilder()
                .setLumpSumCents(budget.lumpSum().cents())
                .setPeriod(BudgetPeriod.valueOf(budget.period().name()))
                .setDomainShares(budget.domainShares().entrySet().stream()
                        .map(share -> new DomainShare(LegalDomain.valueOf(share.getKey().name()), share.getValue().value()))
                        .toList())
                .setZvwSectorShares(budget.zvwSectorShares().entrySet().stream()
                        .map(share -> new SectorShare(share.getKey().code(), share.getValue().value()))
                        .toList())
                .build();
    }

    private static ExecutionModel executionModel(ContractTerms.ExecutionModel model) {
        return ExecutionModel.newBuilder()
                .setType(ExecutionModelType.valueOf(model.type().name()))
                .setMainContractorKey(model.mainContractor())
                .setPartnerShares(model.partnerShares().entrySet().stream()
                        .map(share -> new PartnerShare(share.getKey(), share.getValue().value()))
                        .toList())
                .build();
    }

    /** R13: whether the activity is a hybrid meeting, and for one what is paid and how that part is determined. */
    private static Activity activity(ContractTerms.Activity activity) {
        return Activity.newBuilder()
                .setDescription(activity.description())
                .setJustification(activity.justification())
                .setHybridMeeting(activity.hybridMeeting())
                .setOnlyGroupBoundCoordinationPaid(activity.onlyGroupBoundCoordinationPaid())
                .setGroupBoundPartDetermination(activity.groupBoundPartDetermination())
                .build();
    }

    /**
     * R11: the dates named per contract year in year order, the rule, and {@code referenceDate}: the one the
     * document gave, or else the first contract year's (as the schema says), so a consumer that reads only that
     * field still finds a date.
     */
    private static Purchasing purchasing(ContractTerms terms) {
        ContractTerms.Purchasing purchasing = terms.purchasing();
        ContractTerms.MarketShareDefinition marketShare = purchasing.marketShare();
        return Purchasing.newBuilder()
                .setType(PurchasingType.valueOf(purchasing.type().name()))
                .setMarketShare(marketShare == null ? null : MarketShareDefinition.newBuilder()
                        .setBasis(marketShare.basis().name())
                        .setReferenceDate(terms.marketShareReferenceDate().orElseThrow())
                        .setSource(CountSource.valueOf(marketShare.source().name()))
                        .setReferenceDates(marketShare.referenceDates().entrySet().stream()
                                .map(date -> new YearReferenceDate(date.getKey(), date.getValue())).toList())
                        .setReferenceDateRule(marketShare.referenceDateRule() == null ? null
                                : marketShare.referenceDateRule().name())
                        .build())
                .build();
    }

    private static Attestations attestations(ContractTerms.Attestations attestations) {
        return Attestations.newBuilder()
                .setZvwCareNeedEstablished(attestations.zvwCareNeedEstablished())
                .setCoordinationRequiredForComplexity(attestations.coordinationRequiredForComplexity())
                .setNoDoubleFunding(attestations.noDoubleFunding())
                .setDoubleFundingMeasure(attestations.doubleFundingMeasure())
                .setGpFundingChoice(attestations.gpFundingChoice() == null ? null : attestations.gpFundingChoice().name())
                .build();
    }

    private static Agreements agreements(ContractTerms.Agreements agreements) {
        return Agreements.newBuilder()
                .setClaimsProcess(agreements.claimsProcess())
                .setInformationExchange(agreements.informationExchange())
                .setEvaluation(agreements.evaluation())
                .setControlMeasures(agreements.controlMeasures())
                .setQuality(agreements.quality())
                .build();
    }
}
