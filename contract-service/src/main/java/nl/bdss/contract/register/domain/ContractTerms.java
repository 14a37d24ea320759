package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/**
 * The written agreement between insurer(s) and provider(s), as an insurer's back office submits it. It may be
 * incomplete or wrong: {@link ContractRules} decides whether it meets the NZa conditions (R1-R14) and
 * normalises it. Field names are the public JSON contract of the API.
 */
public record ContractTerms(
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
        Agreements agreements) {

    public record Insurer(String uzovi, String name) {
    }

    /** A party; ZVW parties are providers with an AGB code and a Zvw sector, others only name their domain. */
    public record Party(String key, String name, LegalDomain domain, ZvwSector sector, String agb) {

        public boolean providesZvwCare() {
            return domain == LegalDomain.ZVW;
        }
    }

    public record TargetGroup(String description, List<String> characteristics, List<String> serviceAreaPostcodes) {
    }

    public record Activity(String description, String justification) {
    }

    public record Budget(Long lumpSumCents, PeriodKind period, Map<LegalDomain, Integer> domainSharesBasisPoints,
            Map<ZvwSector, Integer> zvwSectorSharesBasisPoints) {
    }

    /** R10; {@code partnerSharesBasisPoints} maps an equal partner's key to its share within its Zvw sector. */
    public record ExecutionModel(ExecutionModelType type, String mainContractor,
            Map<String, Integer> partnerSharesBasisPoints) {
    }

    public record Purchasing(PurchasingType type, MarketShareDefinition marketShare) {
    }

    public record MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source) {
    }

    /** R2, R3, R4 and R12 as the parties attest them. */
    public record Attestations(Boolean zvwCareNeedEstablished, Boolean coordinationRequiredForComplexity,
            Boolean noDoubleFunding, String doubleFundingMeasure, GpFundingChoice gpFundingChoice) {
    }

    /** R9: claims process, information exchange, evaluation, control measures and optional quality agreements. */
    public record Agreements(String claimsProcess, String informationExchange, String evaluation,
            String controlMeasures, String quality) {
    }

    public ContractTerms withValidity(LocalDate from, LocalDate until) {
        return new ContractTerms(reference, title, from, until, insurers, parties, targetGroup, activities, budget,
                executionModel, purchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withInsurers(List<Insurer> newInsurers) {
        return new ContractTerms(reference, title, validFrom, validUntil, newInsurers, parties, targetGroup, activities,
                budget, executionModel, purchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withParties(List<Party> newParties) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, newParties, targetGroup, activities,
                budget, executionModel, purchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withTargetGroup(TargetGroup newTargetGroup) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, parties, newTargetGroup, activities,
                budget, executionModel, purchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withActivities(List<Activity> newActivities) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, parties, targetGroup, newActivities,
                budget, executionModel, purchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withBudget(Budget newBudget) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, parties, targetGroup, activities,
                newBudget, executionModel, purchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withExecutionModel(ExecutionModel newModel) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, parties, targetGroup, activities,
                budget, newModel, purchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withPurchasing(Purchasing newPurchasing) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, parties, targetGroup, activities,
                budget, executionModel, newPurchasing, paymentTiming, attestations, agreements);
    }

    public ContractTerms withAttestations(Attestations newAttestations) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, parties, targetGroup, activities,
                budget, executionModel, purchasing, paymentTiming, newAttestations, agreements);
    }

    public ContractTerms withAgreements(Agreements newAgreements) {
        return new ContractTerms(reference, title, validFrom, validUntil, insurers, parties, targetGroup, activities,
                budget, executionModel, purchasing, paymentTiming, attestations, newAgreements);
    }

    public ContractTerms withReference(String newReference) {
        return new ContractTerms(newReference, title, validFrom, validUntil, insurers, parties, targetGroup, activities,
                budget, executionModel, purchasing, paymentTiming, attestations, agreements);
    }

    /** AGB codes of the Zvw providers; meaningful once the terms passed {@link ContractRules}. */
    public List<AgbCode> providerAgbs() {
        return parties.stream().filter(Party::providesZvwCare).map(party -> new AgbCode(party.agb())).toList();
    }

    /** The service area; meaningful once the terms passed {@link ContractRules}. */
    public List<Postcode> serviceArea() {
        return targetGroup.serviceAreaPostcodes().stream().map(Postcode::new).toList();
    }

    public List<Uzovi> insurerCodes() {
        return insurers.stream().map(insurer -> new Uzovi(insurer.uzovi())).toList();
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
