package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nl.bdss.kernel.time.ExperimentWindow;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/** Contract documents for tests: the manual's worked example (manual §4), changed part by part. */
public final class ContractFixture {

    /** The rules with the NZa's experiment window (R14: 2024-05-01 to 2029-04-30). */
    public static final ContractRules RULES = new ContractRules(ExperimentWindow.NZA_2024);

    private static final LocalDate EXPERIMENT_START = LocalDate.of(2024, 5, 1);

    /**
     * The Zvw sector register as migration V5 seeds it (R7): fourteen macro-budget sectors from 1 May 2024 and the
     * catch-all OVERIGE_ZVW, which is not one.
     */
    public static final ZvwSectorRegister SECTORS = ZvwSectorRegister.of(Stream.concat(
            Stream.of("HUISARTSENZORG", "WIJKVERPLEGING", "GGZ", "MEDISCH_SPECIALISTISCHE_ZORG",
                    "PARAMEDISCHE_ZORG", "FARMACEUTISCHE_ZORG", "MONDZORG", "GEBOORTEZORG", "ZIEKENVERVOER",
                    "HULPMIDDELENZORG", "EERSTELIJNSVERBLIJF", "GERIATRISCHE_REVALIDATIEZORG",
                    "ZINTUIGLIJK_GEHANDICAPTENZORG", "MULTIDISCIPLINAIRE_ZORG")
                    .map(code -> sector(code, true, EXPERIMENT_START, null)),
            Stream.of(sector("OVERIGE_ZVW", false, EXPERIMENT_START, null))).toList());

    public static RegisteredZvwSector sector(String code, boolean macroBudgetSector, LocalDate validFrom,
            LocalDate validUntil) {
        return new RegisteredZvwSector(new ZvwSector(code), code.toLowerCase(Locale.ROOT), macroBudgetSector,
                validFrom, validUntil);
    }

    /** {@link #SECTORS} with {@code extra} added. */
    public static ZvwSectorRegister sectorsWith(RegisteredZvwSector extra) {
        List<RegisteredZvwSector> entries = new ArrayList<>(SECTORS.sectors().values());
        entries.removeIf(entry -> entry.sector().equals(extra.sector()));
        entries.add(extra);
        return ZvwSectorRegister.of(entries);
    }

    private ContractFixture() {
    }

    /** The manual's example: two insurers, a GP and district nursing in ZVW, Wmo and Jeugdwet parties. */
    public static Draft manualExample() {
        return new Draft();
    }

    public static Insurer insurer(String uzovi) {
        return new Insurer(uzovi, "Zorgverzekeraar " + uzovi);
    }

    public static Party gp() {
        return new Party("hap-west", "Huisartsenpraktijk West", LegalDomain.ZVW, "HUISARTSENZORG", "01012345");
    }

    public static Party districtNursing() {
        return new Party("wijkzorg-noord", "Wijkzorg Noord", LegalDomain.ZVW, "WIJKVERPLEGING", "75750123");
    }

    /** A party of a domain other than the Zvw: no sector, no AGB code. */
    public static Party otherDomain(String key, LegalDomain domain) {
        return new Party(key, key, domain, null, null);
    }

    public static TargetGroup targetGroup(String... postcodes) {
        return new TargetGroup("Thuiswonende kwetsbare ouderen", List.of("leeftijd 75+"), List.of(postcodes));
    }

    public static Purchasing coordinated(LocalDate referenceDate) {
        return new Purchasing(PurchasingType.COORDINATED, new MarketShareDefinition(
                MarketShareBasis.INSURED_COUNT_IN_SERVICE_AREA, referenceDate, CountSource.TRUSTED_THIRD_PARTY));
    }

    /** R11: coordinated purchasing with reference dates per year (keys as written), a rule, or a date for every year. */
    public static Purchasing coordinated(LocalDate referenceDate, Map<String, LocalDate> referenceDates, String rule) {
        return new Purchasing(PurchasingType.COORDINATED, new MarketShareDefinition(
                MarketShareBasis.INSURED_COUNT_IN_SERVICE_AREA, referenceDate, CountSource.TRUSTED_THIRD_PARTY,
                referenceDates, rule));
    }

    public static Attestations attested(GpFundingChoice gpFundingChoice) {
        return new Attestations(true, true, true, "O&I-ketenzorg niet gedeclareerd", gpFundingChoice);
    }

    @SuppressWarnings("unchecked")
    public static <K> Map<K, Integer> shares(Object... keysAndValues) {
        Map<K, Integer> shares = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            shares.put((K) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return shares;
    }

    /** A document a test changes part by part; each change returns the draft. */
    public static final class Draft implements ContractDocument {
        private String reference = "IZA-WEST-2025-001";
        private String title = "Samenwerking kwetsbare ouderen Regio West";
        private LocalDate validFrom = LocalDate.of(2025, 1, 1);
        private LocalDate validUntil = LocalDate.of(2026, 12, 31);
        private List<Insurer> insurers = List.of(insurer("3311"), insurer("3343"));
        private List<Party> parties = List.of(gp(), districtNursing(), otherDomain("welzijn-centraal", LegalDomain.WMO),
                otherDomain("jeugdteam-oost", LegalDomain.JEUGDWET));
        private TargetGroup targetGroup = ContractFixture.targetGroup("1011", "1012", "1013", "1015", "1016");
        private List<Activity> activities = List.of(
                new ContractFixture.Activity("Maandelijks multidisciplinair wijkoverleg", "Voorkomt onnodige opnames"));
        private Budget budget = new ContractFixture.Budget(10_000_000L, PeriodKind.YEAR,
                shares(LegalDomain.WMO, 1000, LegalDomain.JEUGDWET, 2000, LegalDomain.ZVW, 7000),
                shares("WIJKVERPLEGING", 5000, "HUISARTSENZORG", 5000));
        private ExecutionModel executionModel = new ContractFixture.ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "hap-west", null);
        private Purchasing purchasing = coordinated(LocalDate.of(2025, 3, 1));
        private PaymentTiming paymentTiming = PaymentTiming.IN_ADVANCE;
        private PaymentSchedule paymentSchedule;
        private Attestations attestations = attested(GpFundingChoice.THIS_PERFORMANCE);
        private Agreements agreements = new ContractFixture.Agreements("Lumpsum per jaar vooraf", "Kwartaalrapportage", "Jaarlijks",
                "Steekproef", null);

        public Draft withValidity(LocalDate from, LocalDate until) {
            validFrom = from;
            validUntil = until;
            return this;
        }

        public Draft withInsurers(Insurer... newInsurers) {
            insurers = List.of(newInsurers);
            return this;
        }

        public Draft withParties(Party... newParties) {
            parties = List.of(newParties);
            return this;
        }

        public Draft withTargetGroup(TargetGroup newTargetGroup) {
            targetGroup = newTargetGroup;
            return this;
        }

        public Draft withActivities(Activity... newActivities) {
            activities = List.of(newActivities);
            return this;
        }

        public Draft withLumpSumCents(Long cents) {
            budget = new ContractFixture.Budget(cents, budget.period(), budget.domainSharesBasisPoints(), budget.zvwSectorSharesBasisPoints());
            return this;
        }

        public Draft withDomainShares(Map<LegalDomain, Integer> shares) {
            budget = new ContractFixture.Budget(budget.lumpSumCents(), budget.period(), shares, budget.zvwSectorSharesBasisPoints());
            return this;
        }

        public Draft withSectorShares(Map<String, Integer> shares) {
            budget = new ContractFixture.Budget(budget.lumpSumCents(), budget.period(), budget.domainSharesBasisPoints(), shares);
            return this;
        }

        public Draft withExecutionModel(ExecutionModel newModel) {
            executionModel = newModel;
            return this;
        }

        public Draft withPurchasing(Purchasing newPurchasing) {
            purchasing = newPurchasing;
            return this;
        }

        public Draft withAttestations(Attestations newAttestations) {
            attestations = newAttestations;
            return this;
        }

        public Draft withBudgetPeriod(PeriodKind period) {
            budget = new ContractFixture.Budget(budget.lumpSumCents(), period, budget.domainSharesBasisPoints(),
                    budget.zvwSectorSharesBasisPoints());
            return this;
        }

        public Draft withPaymentSchedule(PaymentSchedule schedule) {
            this.paymentSchedule = schedule;
            return this;
        }

        public Draft withAgreements(Agreements newAgreements) {
            agreements = newAgreements;
            return this;
        }

        @Override
        public String reference() {
            return reference;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public LocalDate validFrom() {
            return validFrom;
        }

        @Override
        public LocalDate validUntil() {
            return validUntil;
        }

        @Override
        public List<Insurer> insurers() {
            return insurers;
        }

        @Override
        public List<Party> parties() {
            return parties;
        }

        @Override
        public TargetGroup targetGroup() {
            return targetGroup;
        }

        @Override
        public List<Activity> activities() {
            return activities;
        }

        @Override
        public Budget budget() {
            return budget;
        }

        @Override
        public ExecutionModel executionModel() {
            return executionModel;
        }

        @Override
        public Purchasing purchasing() {
            return purchasing;
        }

        @Override
        public PaymentTiming paymentTiming() {
            return paymentTiming;
        }

        @Override
        public PaymentSchedule paymentSchedule() {
            return paymentSchedule;
        }

        @Override
        public Attestations attestations() {
            return attestations;
        }

        @Override
        public Agreements agreements() {
            return agreements;
        }
    }

    public record Insurer(String uzovi, String name) implements ContractDocument.Insurer {
    }

    public record Party(String key, String name, LegalDomain domain, String sector, String agb, Vat vat)
            implements ContractDocument.Party {

        /** A party whose VAT treatment is not stated, as in the manual's example. */
        public Party(String key, String name, LegalDomain domain, String sector, String agb) {
            this(key, name, domain, sector, agb, null);
        }

        public Party withVat(nl.bdss.kernel.money.Vat.Treatment treatment, Integer rateBasisPoints) {
            return new Party(key, name, domain, sector, agb, new Vat(treatment, rateBasisPoints));
        }
    }

    /** R10 as a document states it, possibly wrong. */
    public record Vat(nl.bdss.kernel.money.Vat.Treatment treatment, Integer rateBasisPoints)
            implements ContractDocument.VatStatement {
    }

    public record TargetGroup(String description, List<String> characteristics, List<String> serviceAreaPostcodes)
            implements ContractDocument.TargetGroup {
    }

    public record Activity(String description, String justification, Boolean hybridMeeting,
            Boolean onlyGroupBoundCoordinationPaid, String groupBoundPartDetermination) implements ContractDocument.Activity {

        /** A regular activity: the R13 fields left out, as in the manual's example. */
        public Activity(String description, String justification) {
            this(description, justification, null, null, null);
        }
    }

    public record Budget(Long lumpSumCents, PeriodKind period, Map<LegalDomain, Integer> domainSharesBasisPoints,
            Map<String, Integer> zvwSectorSharesBasisPoints) implements ContractDocument.Budget {
    }

    public record ExecutionModel(ExecutionModelType type, String mainContractor, Map<String, Integer> partnerSharesBasisPoints)
            implements ContractDocument.ExecutionModel {
    }

    public record Purchasing(PurchasingType type, MarketShareDefinition marketShare) implements ContractDocument.Purchasing {
    }

    public record MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source,
            Map<String, LocalDate> referenceDates, String referenceDateRule) implements ContractDocument.MarketShareDefinition {

        /** One reference date for every year, as in the manual's example. */
        public MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source) {
            this(basis, referenceDate, source, null, null);
        }
    }

    public record Attestations(Boolean zvwCareNeedEstablished, Boolean coordinationRequiredForComplexity,
            Boolean noDoubleFunding, String doubleFundingMeasure, GpFundingChoice gpFundingChoice)
            implements ContractDocument.Attestations {
    }

    public record Agreements(String claimsProcess, String informationExchange, String evaluation, String controlMeasures,
            String quality) implements ContractDocument.Agreements {
    }
}
