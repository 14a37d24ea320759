package nl.bdss.contract.register.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.contract.register.domain.ContractDocument;
import nl.bdss.contract.register.domain.ContractTerms;
import nl.bdss.contract.register.domain.CountSource;
import nl.bdss.contract.register.domain.ExecutionModelType;
import nl.bdss.contract.register.domain.GpFundingChoice;
import nl.bdss.contract.register.domain.LegalDomain;
import nl.bdss.contract.register.domain.MarketShareBasis;
import nl.bdss.contract.register.domain.PurchasingType;
import nl.bdss.contract.register.domain.ZvwSector;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/**
 * The contract document as the API accepts and returns it (the public JSON contract; {@code examples/} holds the
 * manual's worked example in this shape). A request body may be incomplete or wrong: the rules decide. A response
 * shows the terms of a version in the same shape, normalised (postcodes in capitals without a space).
 */
record ContractDocumentJson(
        String reference,
        String title,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Insurer> insurers,
        List<Party> parties,
        TargetGroup targetGroup,
        List<Activity> activities,
        Budget budget,
        ExecutionModel executionModel,
        Purchasing purchasing,
        PaymentTiming paymentTiming,
        Attestations attestations,
        Agreements agreements) implements ContractDocument {

    record Insurer(String uzovi, String name) implements ContractDocument.Insurer {
    }

    record Party(String key, String name, LegalDomain domain, ZvwSector sector, String agb) implements ContractDocument.Party {
    }

    record TargetGroup(String description, List<String> characteristics, List<String> serviceAreaPostcodes)
            implements ContractDocument.TargetGroup {
    }

    record Activity(String description, String justification) implements ContractDocument.Activity {
    }

    record Budget(Long lumpSumCents, PeriodKind period, Map<LegalDomain, Integer> domainSharesBasisPoints,
            Map<ZvwSector, Integer> zvwSectorSharesBasisPoints) implements ContractDocument.Budget {
    }

    record ExecutionModel(ExecutionModelType type, String mainContractor, Map<String, Integer> partnerSharesBasisPoints)
            implements ContractDocument.ExecutionModel {
    }

    record Purchasing(PurchasingType type, MarketShareDefinition marketShare) implements ContractDocument.Purchasing {
    }

    record MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source)
            implements ContractDocument.MarketShareDefinition {
    }

    record Attestations(Boolean zvwCareNeedEstablished, Boolean coordinationRequiredForComplexity, Boolean noDoubleFunding,
            String doubleFundingMeasure, GpFundingChoice gpFundingChoice) implements ContractDocument.Attestations {
    }

    record Agreements(String claimsProcess, String informationExchange, String evaluation, String controlMeasures,
            String quality) implements ContractDocument.Agreements {
    }

    /** The document that shows {@code terms}; parts the terms do not have (no partner shares...) are left out. */
    static ContractDocumentJson of(ContractTerms terms) {
        ContractTerms.TargetGroup group = terms.targetGroup();
        return new ContractDocumentJson(terms.reference(), terms.title(), terms.validity().start(), terms.validity().end(),
                terms.insurers().stream().map(insurer -> new Insurer(insurer.uzovi().code(), insurer.name())).toList(),
                terms.parties().stream().map(ContractDocumentJson::party).toList(),
                new TargetGroup(group.description(), group.characteristics(),
                        group.serviceArea().stream().map(Postcode::value).toList()),
                terms.activities().stream()
                        .map(activity -> new Activity(activity.description(), activity.justification())).toList(),
                budget(terms.budget()),
                executionModel(terms.executionModel()),
                purchasing(terms.purchasing()),
                terms.paymentTiming(),
                attestations(terms.attestations()),
                agreements(terms.agreements()));
    }

    private static Party party(ContractTerms.Party party) {
        return new Party(party.key(), party.name(), party.domain(), party.sector(),
                party.agb() == null ? null : party.agb().code());
    }

    private static Budget budget(ContractTerms.Budget budget) {
        return new Budget(budget.lumpSum().cents(), budget.period(), basisPoints(budget.domainShares()),
                basisPoints(budget.zvwSectorShares()));
    }

    private static ExecutionModel executionModel(ContractTerms.ExecutionModel model) {
        return new ExecutionModel(model.type(), model.mainContractor(),
                model.partnerShares().isEmpty() ? null : basisPoints(model.partnerShares()));
    }

    private static Purchasing purchasing(ContractTerms.Purchasing purchasing) {
        ContractTerms.MarketShareDefinition marketShare = purchasing.marketShare();
        return new Purchasing(purchasing.type(), marketShare == null ? null
                : new MarketShareDefinition(marketShare.basis(), marketShare.referenceDate(), marketShare.source()));
    }

    private static Attestations attestations(ContractTerms.Attestations attestations) {
        return new Attestations(attestations.zvwCareNeedEstablished(), attestations.coordinationRequiredForComplexity(),
                attestations.noDoubleFunding(), attestations.doubleFundingMeasure(), attestations.gpFundingChoice());
    }

    private static Agreements agreements(ContractTerms.Agreements agreements) {
        return new Agreements(agreements.claimsProcess(), agreements.informationExchange(), agreements.evaluation(),
                agreements.controlMeasures(), agreements.quality());
    }

    private static <K> Map<K, Integer> basisPoints(Map<K, BasisPoints> shares) {
        Map<K, Integer> basisPoints = new LinkedHashMap<>();
        shares.forEach((key, share) -> basisPoints.put(key, share.value()));
        return basisPoints;
    }
}
