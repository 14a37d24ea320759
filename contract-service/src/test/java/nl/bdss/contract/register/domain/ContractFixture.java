package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.contract.register.domain.ContractTerms.Activity;
import nl.bdss.contract.register.domain.ContractTerms.Agreements;
import nl.bdss.contract.register.domain.ContractTerms.Attestations;
import nl.bdss.contract.register.domain.ContractTerms.Budget;
import nl.bdss.contract.register.domain.ContractTerms.ExecutionModel;
import nl.bdss.contract.register.domain.ContractTerms.Insurer;
import nl.bdss.contract.register.domain.ContractTerms.MarketShareDefinition;
import nl.bdss.contract.register.domain.ContractTerms.Party;
import nl.bdss.contract.register.domain.ContractTerms.Purchasing;
import nl.bdss.contract.register.domain.ContractTerms.TargetGroup;
import nl.bdss.kernel.time.ExperimentWindow;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/** Contract documents for tests: the manual's worked example (manual §4) and variations of it. */
public final class ContractFixture {

    /** The rules with the NZa's experiment window (R14: 2024-05-01 to 2029-04-30). */
    public static final ContractRules RULES = new ContractRules(ExperimentWindow.NZA_2024);

    private ContractFixture() {
    }

    /** The manual's example: two insurers, a GP and district nursing in ZVW, Wmo and Jeugdwet parties. */
    public static ContractTerms manualExample() {
        return new ContractTerms("IZA-WEST-2025-001", "Samenwerking kwetsbare ouderen Regio West",
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(insurer("3311"), insurer("3343")),
                List.of(gp(), districtNursing(),
                        new Party("welzijn-centraal", "Welzijn Centraal", LegalDomain.WMO, null, null),
                        new Party("jeugdteam-oost", "Jeugdteam Oost", LegalDomain.JEUGDWET, null, null)),
                targetGroup("1011", "1012", "1013", "1015", "1016"),
                List.of(new Activity("Maandelijks multidisciplinair wijkoverleg", "Voorkomt onnodige opnames")),
                new Budget(10_000_000L, PeriodKind.YEAR,
                        shares(LegalDomain.WMO, 1000, LegalDomain.JEUGDWET, 2000, LegalDomain.ZVW, 7000),
                        shares(ZvwSector.WIJKVERPLEGING, 5000, ZvwSector.HUISARTSENZORG, 5000)),
                new ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "hap-west", null),
                coordinated(LocalDate.of(2025, 3, 1)),
                PaymentTiming.IN_ADVANCE,
                new Attestations(true, true, true, "O&I-ketenzorg niet gedeclareerd", GpFundingChoice.THIS_PERFORMANCE),
                new Agreements("Lumpsum per jaar vooraf", "Kwartaalrapportage", "Jaarlijks", "Steekproef", null));
    }

    public static Insurer insurer(String uzovi) {
        return new Insurer(uzovi, "Zorgverzekeraar " + uzovi);
    }

    public static Party gp() {
        return new Party("hap-west", "Huisartsenpraktijk West", LegalDomain.ZVW, ZvwSector.HUISARTSENZORG, "01012345");
    }

    public static Party districtNursing() {
        return new Party("wijkzorg-noord", "Wijkzorg Noord", LegalDomain.ZVW, ZvwSector.WIJKVERPLEGING, "75750123");
    }

    public static TargetGroup targetGroup(String... postcodes) {
        return new TargetGroup("Thuiswonende kwetsbare ouderen", List.of("leeftijd 75+"), List.of(postcodes));
    }

    public static Purchasing coordinated(LocalDate referenceDate) {
        return new Purchasing(PurchasingType.COORDINATED, new MarketShareDefinition(
                MarketShareBasis.INSURED_COUNT_IN_SERVICE_AREA, referenceDate, CountSource.TRUSTED_THIRD_PARTY));
    }

    public static ContractTerms withDomainShares(ContractTerms terms, Map<LegalDomain, Integer> shares) {
        Budget budget = terms.budget();
        return terms.withBudget(new Budget(budget.lumpSumCents(), budget.period(), shares, budget.zvwSectorSharesBasisPoints()));
    }

    public static ContractTerms withSectorShares(ContractTerms terms, Map<ZvwSector, Integer> shares) {
        Budget budget = terms.budget();
        return terms.withBudget(new Budget(budget.lumpSumCents(), budget.period(), budget.domainSharesBasisPoints(), shares));
    }

    public static ContractTerms withLumpSum(ContractTerms terms, long cents) {
        Budget budget = terms.budget();
        return terms.withBudget(new Budget(cents, budget.period(), budget.domainSharesBasisPoints(),
                budget.zvwSectorSharesBasisPoints()));
    }

    public static ContractTerms withGpFundingChoice(ContractTerms terms, GpFundingChoice choice) {
        Attestations a = terms.attestations();
        return terms.withAttestations(new Attestations(a.zvwCareNeedEstablished(), a.coordinationRequiredForComplexity(),
                a.noDoubleFunding(), a.doubleFundingMeasure(), choice));
    }

    @SuppressWarnings("unchecked")
    public static <K> Map<K, Integer> shares(Object... keysAndValues) {
        Map<K, Integer> shares = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            shares.put((K) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return shares;
    }
}
