package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Money;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.Period;

/**
 * The terms a document describes, built once {@link ContractRules} found no violation in it: every part is present
 * and every identifier, amount and share is valid, so the value objects accept them.
 */
final class AcceptedDocument {

    private AcceptedDocument() {
    }

    static ContractTerms terms(ContractDocument document, List<Postcode> serviceArea) {
        ContractDocument.TargetGroup group = document.targetGroup();
        return new ContractTerms(document.reference(), document.title(),
                new Period(document.validFrom(), document.validUntil()),
                document.insurers().stream()
                        .map(insurer -> new ContractTerms.Insurer(new Uzovi(insurer.uzovi()), insurer.name())).toList(),
                document.parties().stream().map(AcceptedDocument::party).toList(),
                new ContractTerms.TargetGroup(group.description(), group.characteristics(), serviceArea),
                document.activities().stream()
                        .map(AcceptedDocument::activity).toList(),
                budget(document.budget()),
                executionModel(document.executionModel()),
                purchasing(document.purchasing()),
                document.paymentTiming(),
                attestations(document.attestations()),
                agreements(document.agreements()),
                document.paymentSchedule());
    }

    private static ContractTerms.Party party(ContractDocument.Party party) {
        return new ContractTerms.Party(party.key(), party.name(), party.domain(),
                party.sector() == null ? null : new ZvwSector(party.sector()),
                party.agb() == null ? null : new AgbCode(party.agb()),
                party.vat() == null ? null : new Vat(party.vat().treatment(), party.vat().rateBasisPoints()));
    }

    private static ContractTerms.Activity activity(ContractDocument.Activity activity) {
        return new ContractTerms.Activity(activity.description(), activity.justification(),
                Boolean.TRUE.equals(activity.hybridMeeting()), activity.onlyGroupBoundCoordinationPaid(),
                activity.groupBoundPartDetermination());
    }

    private static ContractTerms.Budget budget(ContractDocument.Budget budget) {
        return new ContractTerms.Budget(Money.ofCents(budget.lumpSumCents()), budget.period(),
                shares(budget.domainSharesBasisPoints()), sectorShares(budget.zvwSectorSharesBasisPoints()));
    }

    private static ContractTerms.ExecutionModel executionModel(ContractDocument.ExecutionModel model) {
        return new ContractTerms.ExecutionModel(model.type(), model.mainContractor(),
                model.partnerSharesBasisPoints() == null ? Map.of() : shares(model.partnerSharesBasisPoints()));
    }

    private static ContractTerms.Purchasing purchasing(ContractDocument.Purchasing purchasing) {
        ContractDocument.MarketShareDefinition marketShare = purchasing.marketShare();
        return new ContractTerms.Purchasing(purchasing.type(), marketShare == null ? null
                : new ContractTerms.MarketShareDefinition(marketShare.basis(), marketShare.referenceDate(),
                        marketShare.source(), referenceDates(marketShare.referenceDates()),
                        marketShare.referenceDateRule() == null ? null
                                : ReferenceDateRule.valueOf(marketShare.referenceDateRule())));
    }

    private static Map<Integer, LocalDate> referenceDates(Map<String, LocalDate> named) {
        Map<Integer, LocalDate> byYear = new TreeMap<>();
        if (named != null) {
            named.forEach((year, date) -> byYear.put(Integer.parseInt(year), date));
        }
        return byYear;
    }

    private static Map<ZvwSector, BasisPoints> sectorShares(Map<String, Integer> basisPoints) {
        Map<ZvwSector, BasisPoints> shares = new LinkedHashMap<>();
        basisPoints.forEach((code, value) -> shares.put(new ZvwSector(code), BasisPoints.of(value)));
        return shares;
    }

    private static ContractTerms.Attestations attestations(ContractDocument.Attestations attestations) {
        return new ContractTerms.Attestations(attestations.zvwCareNeedEstablished(),
                attestations.coordinationRequiredForComplexity(), attestations.noDoubleFunding(),
                attestations.doubleFundingMeasure(), attestations.gpFundingChoice());
    }

    private static ContractTerms.Agreements agreements(ContractDocument.Agreements agreements) {
        return new ContractTerms.Agreements(agreements.claimsProcess(), agreements.informationExchange(),
                agreements.evaluation(), agreements.controlMeasures(), agreements.quality());
    }

    private static <K> Map<K, BasisPoints> shares(Map<K, Integer> basisPoints) {
        Map<K, BasisPoints> shares = new LinkedHashMap<>();
        basisPoints.forEach((key, value) -> shares.put(key, BasisPoints.of(value)));
        return shares;
    }
}
