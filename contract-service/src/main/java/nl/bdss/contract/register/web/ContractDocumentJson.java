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
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
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
        Agreements agreements,
        PaymentSchedule paymentSchedule) implements ContractDocument {

    record Insurer(String uzovi, String name) implements ContractDocument.Insurer {
    }

    /**
     * {@code sector}: the code of a Zvw sector in the register ({@code GET /api/v1/zvw-sectors}), R7. {@code vat}
     * (R10, Zvw providers): {@code {"treatment": "EXEMPT"}} or {@code {"treatment": "INCLUDED", "rateBasisPoints": 2100}}.
     */
    record Party(String key, String name, LegalDomain domain, String sector, String agb, VatStatement vat)
            implements ContractDocument.Party {
    }

    record VatStatement(Vat.Treatment treatment, Integer rateBasisPoints) implements ContractDocument.VatStatement {
    }

    record TargetGroup(String description, List<String> characteristics, List<String> serviceAreaPostcodes)
            implements ContractDocument.TargetGroup {
    }

    /**
     * R13: {@code hybridMeeting} (default false) for a meeting about groups and individual patients; it then needs
     * {@code onlyGroupBoundCoordinationPaid: true} and a {@code groupBoundPartDetermination}. A response shows
     * {@code hybridMeeting} only for a hybrid meeting, as a document leaves it out for a regular activity.
     */
    record Activity(String description, String justification, Boolean hybridMeeting,
            Boolean onlyGroupBoundCoordinationPaid, String groupBoundPartDetermination) implements ContractDocument.Activity {
    }

    record Budget(Long lumpSumCents, PeriodKind period, Map<LegalDomain, Integer> domainSharesBasisPoints,
            Map<String, Integer> zvwSectorSharesBasisPoints) implements ContractDocument.Budget {
    }

    record ExecutionModel(ExecutionModelType type, String mainContractor, Map<String, Integer> partnerSharesBasisPoints)
            implements ContractDocument.ExecutionModel {
    }

    record Purchasing(PurchasingType type, MarketShareDefinition marketShare) implements ContractDocument.Purchasing {
    }

    /**
     * R11: {@code referenceDates} by contract year ({@code {"2025": "2025-03-01"}}), else {@code referenceDateRule}
     * ({@code FIRST_OF_JANUARY}), else {@code referenceDate} for every year.
     */
    record MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source,
            Map<String, LocalDate> referenceDates, String referenceDateRule)
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
                        .map(activity -> new Activity(activity.description(), activity.justification(),
                                activity.hybridMeeting() ? Boolean.TRUE : null, activity.onlyGroupBoundCoordinationPaid(),
                                activity.groupBoundPartDetermination())).toList(),
                budget(terms.budget()),
                executionModel(terms.executionModel()),
                purchasing(terms.purchasing()),
                terms.paymentTiming(),
                attestations(terms.attestations()),
                agreements(terms.agreements()),
                terms.paymentSchedule() == PaymentSchedule.PER_PERIOD ? null : terms.paymentSchedule());
    }

    private static Party party(ContractTerms.Party party) {
        return new Party(party.key(), party.name(), party.domain(),
                party.sector() == null ? null : party.sector().code(),
                party.agb() == null ? null : party.agb().code(),
                party.vat() == null ? null : new VatStatement(party.vat().treatment(), party.vat().rateBasisPoints()));
    }

    private static Budget budget(ContractTerms.Budget budget) {
        Map<String, Integer> sectorShares = new LinkedHashMap<>();
        budget.zvwSectorShares().forEach((sector, share) -> sectorShares.put(sector.code(), share.value()));
        return new Budget(budget.lumpSum().cents(), budget.period(), basisPoints(budget.domainShares()), sectorShares);
    }

    private static ExecutionModel executionModel(ContractTerms.ExecutionModel model) {
        return new ExecutionModel(model.type(), model.mainContractor(),
                model.partnerShares().isEmpty() ? null : basisPoints(model.partnerShares()));
    }

    private static Purchasing purchasing(ContractTerms.Purchasing purchasing) {
        ContractTerms.MarketShareDefinition marketShare = purchasing.marketShare();
        return new Purchasing(purchasing.type(), marketShare == null ? null
                : new MarketShareDefinition(marketShare.basis(), marketShare.referenceDate(), marketShare.source(),
                        referenceDates(marketShare.referenceDates()),
                        marketShare.referenceDateRule() == null ? null : marketShare.referenceDateRule().name()));
    }

    /** By year in year order; null (left out) when the definition names none, as the manual's example does. */
    private static Map<String, LocalDate> referenceDates(Map<Integer, LocalDate> byYear) {
        if (byYear.isEmpty()) {
            return null;
        }
        Map<String, LocalDate> named = new LinkedHashMap<>();
        byYear.forEach((year, date) -> named.put(String.valueOf(year), date));
        return named;
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
