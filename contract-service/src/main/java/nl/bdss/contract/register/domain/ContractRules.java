package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.bdss.contract.register.domain.ContractDocument.Activity;
import nl.bdss.contract.register.domain.ContractDocument.Agreements;
import nl.bdss.contract.register.domain.ContractDocument.Attestations;
import nl.bdss.contract.register.domain.ContractDocument.Budget;
import nl.bdss.contract.register.domain.ContractDocument.ExecutionModel;
import nl.bdss.contract.register.domain.ContractDocument.Insurer;
import nl.bdss.contract.register.domain.ContractDocument.MarketShareDefinition;
import nl.bdss.contract.register.domain.ContractDocument.Party;
import nl.bdss.contract.register.domain.ContractDocument.Purchasing;
import nl.bdss.contract.register.domain.ContractDocument.TargetGroup;
import nl.bdss.contract.register.domain.ContractDocument.VatStatement;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.ExperimentWindow;
import nl.bdss.kernel.time.PaymentSchedule;

/**
 * Checks a contract document against the NZa conditions (manual §2-§4, rules R1-R14 of the domain description)
 * and reports every violation at once, so a back office can fix a document in one round trip. A document without
 * violations becomes the {@link ContractTerms} it describes. Pure: the experiment window (R14) is configuration given
 * at construction, the Zvw sector register (R7) a snapshot given with each check.
 */
public final class ContractRules {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** R14: the title was opened for purchasing from 2025. */
    public static final LocalDate PURCHASING_OPEN = LocalDate.of(2025, 1, 1);

    private final ExperimentWindow experiment;

    /** @param experiment R14: the days a contract may run (configuration; the NZa may end or extend the experiment) */
    public ContractRules(ExperimentWindow experiment) {
        this.experiment = Objects.requireNonNull(experiment, "the experiment window");
    }

    /**
     * The outcome: the violations, the warnings and, when there are no violations, the terms the document describes
     * (postcodes normalised); {@code terms} is null for a refused document.
     */
    public record Assessment(ContractTerms terms, List<Finding> violations, List<Finding> warnings) {

        public boolean accepted() {
            return violations.isEmpty();
        }
    }

    /**
     * Checks a document for a new contract (a registration or a draft): its Zvw sectors must be macro-budget sectors
     * of the register valid on its first day.
     *
     * @param sectors the Zvw sector register as it is now (R7)
     */
    public Assessment check(ContractDocument document, ZvwSectorRegister sectors) {
        return check(document, new SectorCheck(sectors, dayInExperiment(document.validFrom()), Set.of()));
    }

    /**
     * Checks the new document of an amendment taking effect on {@code effectiveFrom}. Its Zvw sectors must be in the
     * register and valid on that day; a sector that is not a macro-budget sector (a catch-all) may stay where the
     * contract already has it ({@code kept}), but no amendment introduces one (R7).
     */
    public Assessment checkAmendment(ContractDocument document, ZvwSectorRegister sectors, LocalDate effectiveFrom,
            Set<ZvwSector> kept) {
        return check(document, new SectorCheck(sectors, dayInExperiment(effectiveFrom), kept));
    }

    /**
     * The day a sector must be valid on, or null (no date to check) for a day outside the experiment, which R14
     * refuses on its own: a sector is not also named for not existing before the experiment began.
     */
    private LocalDate dayInExperiment(LocalDate day) {
        return day != null && experiment.contains(day) ? day : null;
    }

    /**
     * R14: a termination's last day must lie within the experiment; empty when it does (whether it lies within the
     * contract's validity is the contract's to say).
     */
    public List<Finding> checkEndDate(LocalDate endDate, String field) {
        if (endDate != null && endDate.isAfter(experiment.lastDay())) {
            return List.of(new Finding(field, "R14", "R14: the contract may run no later than " + experiment.lastDay()
                    + ", the last day of the experiment; was " + endDate));
        }
        return List.of();
    }

    private Assessment check(ContractDocument document, SectorCheck sectors) {
        Check check = new Check();
        check.required(document.reference(), "reference", "R1", "the contract reference is required (written agreement)");
        check.required(document.title(), "title", "R1", "the contract title is required (written agreement)");
        checkValidity(document, check);
        checkInsurers(document.insurers(), check);
        checkParties(document.parties(), sectors, check);
        checkAttestations(document.attestations(), document.parties(), check);
        checkActivities(document.activities(), check);
        List<Postcode> serviceArea = checkTargetGroup(document.targetGroup(), check);
        checkBudget(document.budget(), document.parties(), sectors, check);
        checkExecutionModel(document.executionModel(), document.parties(), check);
        checkPurchasing(document.purchasing(), document.insurers(), contractYears(document), check);
        checkAgreements(document.agreements(), check);
        if (document.paymentTiming() == null) {
            check.violation("paymentTiming", "R8", "the payment timing (IN_ADVANCE or IN_ARREARS) is required");
        }
        checkPaymentSchedule(document, check);
        checkVat(document.parties(), document.executionModel(), check);
        List<Finding> violations = List.copyOf(check.violations);
        ContractTerms terms = violations.isEmpty() ? AcceptedDocument.terms(document, serviceArea) : null;
        return new Assessment(terms, violations, List.copyOf(check.warnings));
    }

    /**
     * The contract years: the calendar years the validity touches, as a period of the grid belongs to the year it
     * starts in and never spans two years (the kernel's {@code Period.year()}); empty when the validity is missing or
     * backwards, which {@link #checkValidity} reports.
     */
    private static List<Integer> contractYears(ContractDocument document) {
        LocalDate from = document.validFrom();
        LocalDate until = document.validUntil();
        if (from == null || until == null || until.isBefore(from)) {
            return List.of();
        }
        List<Integer> years = new ArrayList<>();
        for (int year = from.getYear(); year <= until.getYear(); year++) {
            years.add(year);
        }
        return years;
    }

    private void checkValidity(ContractDocument document, Check check) {
        LocalDate from = document.validFrom();
        LocalDate until = document.validUntil();
        if (from == null) {
            check.violation("validFrom", "R14", "the start of validity is required");
        } else if (from.isBefore(experiment.firstDay())) {
            check.violation("validFrom", "R14", "validity must start on or after " + experiment.firstDay()
                    + ", the first day of the experiment; was " + from);
        } else if (from.isBefore(PURCHASING_OPEN)) {
            check.warning("validFrom", "R14", "validity starts before " + PURCHASING_OPEN
                    + "; the title was opened for purchasing from 2025");
        }
        if (until == null) {
            check.violation("validUntil", "R14", "the end of validity is required");
        } else if (until.isAfter(experiment.lastDay())) {
            check.violation("validUntil", "R14", "validity must end no later than " + experiment.lastDay()
                    + ", the last day of the experiment; was " + until);
        }
        if (from != null && until != null && until.isBefore(from)) {
            check.violation("validUntil", "R14", "validity ends (" + until + ") before it starts (" + from + ")");
        }
    }

    private static void checkInsurers(List<? extends Insurer> insurers, Check check) {
        if (insurers == null || insurers.isEmpty()) {
            check.violation("insurers", "R1", "at least one insurer is required");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < insurers.size(); i++) {
            Insurer insurer = insurers.get(i);
            String field = "insurers[" + i + "]";
            if (insurer == null) {
                check.violation(field, "R1", "an insurer entry must not be empty");
                continue;
            }
            if (!Uzovi.isValid(insurer.uzovi())) {
                check.violation(field + ".uzovi", "R1", "UZOVI code must be exactly 4 digits, was " + quoted(insurer.uzovi()));
            } else if (!seen.add(insurer.uzovi())) {
                check.violation(field + ".uzovi", "R1", "insurer " + insurer.uzovi() + " is listed more than once");
            }
            check.required(insurer.name(), field + ".name", "R1", "the insurer's name is required");
        }
    }

    private static void checkParties(List<? extends Party> parties, SectorCheck sectors, Check check) {
        if (parties == null || parties.isEmpty()) {
            check.violation("parties", "R1", "at least one Zvw provider is required");
            return;
        }
        Set<String> keys = new HashSet<>();
        Set<String> agbs = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            String field = "parties[" + i + "]";
            if (party == null) {
                check.violation(field, "R1", "a party entry must not be empty");
                continue;
            }
            if (isBlank(party.key())) {
                check.violation(field + ".key", "R1", "every party needs a key that the execution model can refer to");
            } else if (!keys.add(party.key())) {
                check.violation(field + ".key", "R1", "party key " + quoted(party.key()) + " is used more than once");
            }
            check.required(party.name(), field + ".name", "R1", "the party's name is required");
            if (party.domain() == null) {
                check.violation(field + ".domain", "R7", "the legal domain of every party is required");
            } else if (isZvwProvider(party)) {
                if (isBlank(party.sector())) {
                    check.violation(field + ".sector", "R7", "a Zvw provider must name its Zvw sector");
                } else {
                    sectors.check(party.sector(), field + ".sector", check);
                }
                if (!AgbCode.isValid(party.agb())) {
                    check.violation(field + ".agb", "R1", "a Zvw provider needs an AGB code of exactly 8 digits, was "
                            + quoted(party.agb()));
                } else if (!agbs.add(party.agb())) {
                    check.violation(field + ".agb", "R1", "AGB code " + party.agb() + " is listed more than once");
                }
            } else {
                if (party.sector() != null) {
                    check.violation(field + ".sector", "R7", "only Zvw providers have a Zvw sector; this party belongs to "
                            + party.domain());
                }
                if (party.agb() != null && !AgbCode.isValid(party.agb())) {
                    check.violation(field + ".agb", "R1", "an AGB code, where given, must be exactly 8 digits, was "
                            + quoted(party.agb()));
                }
            }
        }
        if (zvwProviders(parties).isEmpty()) {
            check.violation("parties", "R1", "at least one Zvw provider (domain ZVW) is required");
        }
    }

    private static void checkAttestations(Attestations attestations, List<? extends Party> parties, Check check) {
        if (attestations == null) {
            check.violation("attestations", "R2", "the attestations of R2, R3 and R4 are required");
            return;
        }
        if (!Boolean.TRUE.equals(attestations.zvwCareNeedEstablished())) {
            check.violation("attestations.zvwCareNeedEstablished", "R2",
                    "the contract must record that a need for care in the sense of the Zvw has been established");
        }
        if (!Boolean.TRUE.equals(attestations.coordinationRequiredForComplexity())) {
            check.violation("attestations.coordinationRequiredForComplexity", "R3",
                    "the contract must record that the complexity of the care situation requires coordination");
        }
        if (!Boolean.TRUE.equals(attestations.noDoubleFunding())) {
            check.violation("attestations.noDoubleFunding", "R4",
                    "the contract must record that the activities are not already paid by another performance");
        }
        check.required(attestations.doubleFundingMeasure(), "attestations.doubleFundingMeasure", "R4",
                "the contract must say how double funding is prevented");
        boolean gpTakesPart = parties != null && zvwProviders(parties).stream()
                .anyMatch(party -> ZvwSector.HUISARTSENZORG.code().equals(party.sector()));
        if (gpTakesPart && attestations.gpFundingChoice() != GpFundingChoice.THIS_PERFORMANCE) {
            check.violation("attestations.gpFundingChoice", "R12", "a GP (HUISARTSENZORG) takes part, so all Zvw"
                    + " providers must be funded by this performance (THIS_PERFORMANCE), not by O&I or a mix; was "
                    + attestations.gpFundingChoice());
        }
    }

    private static void checkActivities(List<? extends Activity> activities, Check check) {
        if (activities == null || activities.isEmpty()) {
            check.violation("activities", "R5", "at least one coordination activity is required");
            return;
        }
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            String field = "activities[" + i + "]";
            if (activity == null) {
                check.violation(field, "R5", "an activity entry must not be empty");
                continue;
            }
            check.required(activity.description(), field + ".description", "R5", "every activity needs a description");
            check.required(activity.justification(), field + ".justification", "R5", "every activity needs a justification");
            checkHybridMeeting(activity, field, check);
        }
    }

    /**
     * R13. The manual (§3): the performance may be used for "hybride overleggen", meetings about specific groups of
     * (vulnerable) insureds as well as about individual patients; then only the additional coordination that the
     * regular patient-bound tariffs do not reasonably pay already may be paid, because the performance is not meant
     * to pay regular coordination around individual patients that is part of regular care. So a hybrid meeting's
     * contract states that only the extra group-bound coordination is paid, and how that part is determined (for
     * example the share of the agenda about the group).
     */
    private static void checkHybridMeeting(Activity activity, String field, Check check) {
        if (!Boolean.TRUE.equals(activity.hybridMeeting())) {
            return;
        }
        if (!Boolean.TRUE.equals(activity.onlyGroupBoundCoordinationPaid())) {
            check.violation(field + ".onlyGroupBoundCoordinationPaid", "R13", "a hybrid meeting (about groups and"
                    + " individual patients) may be paid only for its extra, group-bound coordination: the contract must"
                    + " state so (true); regular coordination around individual patients is paid by the patient-bound"
                    + " tariffs, was " + activity.onlyGroupBoundCoordinationPaid());
        }
        check.required(activity.groupBoundPartDetermination(), field + ".groupBoundPartDetermination", "R13",
                "a hybrid meeting must say how its paid group-bound part is determined (e.g. the share of the agenda"
                        + " about the group)");
    }

    /** Returns the service area, normalised. */
    private static List<Postcode> checkTargetGroup(TargetGroup group, Check check) {
        if (group == null) {
            check.violation("targetGroup", "R6", "the target group (characteristics and service area) is required");
            return List.of();
        }
        check.required(group.description(), "targetGroup.description", "R6", "the target group needs a description");
        List<String> characteristics = group.characteristics();
        if (characteristics == null || characteristics.isEmpty() || characteristics.stream().anyMatch(ContractRules::isBlank)) {
            check.violation("targetGroup.characteristics", "R6",
                    "the target group needs at least one care-specific characteristic, none blank");
        }
        List<String> postcodes = group.serviceAreaPostcodes();
        if (postcodes == null || postcodes.isEmpty()) {
            check.violation("targetGroup.serviceAreaPostcodes", "R6", "the service area needs at least one postcode");
            return List.of();
        }
        Set<Postcode> normalised = new LinkedHashSet<>();
        for (int i = 0; i < postcodes.size(); i++) {
            String field = "targetGroup.serviceAreaPostcodes[" + i + "]";
            Optional<Postcode> postcode = Postcode.parse(postcodes.get(i));
            if (postcode.isEmpty()) {
                check.violation(field, "R6", quoted(postcodes.get(i)) + " is not a Dutch postcode: PC4 (1234) or PC6"
                        + " (1234AB or 1234 AB, never SA, SD or SS)");
            } else if (!normalised.add(postcode.get())) {
                check.violation(field, "R6", "postcode " + postcode.get() + " is listed more than once");
            }
        }
        return List.copyOf(normalised);
    }

    private static void checkBudget(Budget budget, List<? extends Party> parties, SectorCheck sectorCheck, Check check) {
        if (budget == null) {
            check.violation("budget", "R8", "the budget (lump sum, period and shares) is required");
            return;
        }
        if (budget.lumpSumCents() == null || budget.lumpSumCents() <= 0) {
            check.violation("budget.lumpSumCents", "R8", "the lump sum per period must be a positive amount in cents, was "
                    + budget.lumpSumCents());
        }
        if (budget.period() == null) {
            check.violation("budget.period", "R8", "the period of the lump sum (MONTH, QUARTER or YEAR) is required");
        }
        if (parties == null) {
            return;
        }
        Set<LegalDomain> domains = parties.stream().filter(Objects::nonNull).map(Party::domain)
                .filter(Objects::nonNull).collect(Collectors.toCollection(() -> EnumSet.noneOf(LegalDomain.class)));
        checkShares(budget.domainSharesBasisPoints(), domains, "budget.domainSharesBasisPoints", "domains of the parties", check);
        Map<LegalDomain, Integer> domainShares = budget.domainSharesBasisPoints();
        if (domainShares != null && (domainShares.get(LegalDomain.ZVW) == null || domainShares.get(LegalDomain.ZVW) <= 0)) {
            check.violation("budget.domainSharesBasisPoints.ZVW", "R7", "the ZVW share must be greater than 0");
        }
        Set<String> sectors = zvwProviders(parties).stream().map(Party::sector).filter(sector -> !isBlank(sector))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        checkShares(budget.zvwSectorSharesBasisPoints(), sectors, "budget.zvwSectorSharesBasisPoints",
                "Zvw sectors of the Zvw providers", check);
        if (budget.zvwSectorSharesBasisPoints() != null) {
            budget.zvwSectorSharesBasisPoints().keySet().forEach(sector ->
                    sectorCheck.check(sector, "budget.zvwSectorSharesBasisPoints." + sector, check));
        }
    }

    /** R7: shares over exactly the expected keys, each positive, adding up to exactly 10000 basis points. */
    private static <K> void checkShares(Map<K, Integer> shares, Set<K> expected, String field, String what, Check check) {
        if (shares == null || shares.isEmpty()) {
            check.violation(field, "R7", "shares are required for the " + what + " " + sorted(expected));
            return;
        }
        if (!shares.keySet().equals(expected)) {
            check.violation(field, "R7", "shares must cover exactly the " + what + " " + sorted(expected)
                    + ", were given for " + sorted(shares.keySet()));
        }
        long sum = 0;
        for (Map.Entry<K, Integer> share : shares.entrySet()) {
            Integer value = share.getValue();
            if (value == null || value <= 0 || value > BasisPoints.WHOLE) {
                check.violation(field + "." + share.getKey(), "R7", "a share must lie between 1 and 10000 basis points, was " + value);
            } else {
                sum += value;
            }
        }
        if (sum != BasisPoints.WHOLE) {
            check.violation(field, "R7", "shares must add up to exactly 10000 basis points (100%), add up to " + sum);
        }
    }

    /** Instalments are shorter than the budget period: a yearly sum quarterly or monthly, a quarterly one monthly. */
    private static void checkPaymentSchedule(ContractDocument document, Check check) {
        PaymentSchedule schedule = document.paymentSchedule();
        Budget budget = document.budget();
        if (schedule == null || budget == null || budget.period() == null || schedule.fits(budget.period())) {
            return;
        }
        check.violation("paymentSchedule", "R8", "a lump sum per " + budget.period() + " cannot be paid in "
                + schedule + " instalments: instalments must be shorter than the budget period (a YEAR in QUARTERLY"
                + " or MONTHLY instalments, a QUARTER in MONTHLY ones, any period PER_PERIOD)");
    }

    /**
     * R10: a Zvw provider's VAT treatment, where stated, is EXEMPT or INCLUDED with a rate; only Zvw providers state
     * one. A provider that is paid (the main contractor, or every equal partner) without one is accepted with a
     * warning: its amounts are paid as agreed and their VAT part is unknown.
     */
    private static void checkVat(List<? extends Party> parties, ExecutionModel model, Check check) {
        if (parties == null) {
            return;
        }
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            if (party == null) {
                continue;
            }
            String field = "parties[" + i + "].vat";
            VatStatement vat = party.vat();
            if (vat == null) {
                if (isZvwProvider(party) && isPaid(party, model)) {
                    check.warning(field, "R10", "the VAT treatment of " + quoted(party.key()) + " is not stated"
                            + " (EXEMPT, or INCLUDED with rateBasisPoints): its amounts are paid as agreed and their"
                            + " VAT part is unknown");
                }
                continue;
            }
            if (party.domain() != null && !isZvwProvider(party)) {
                check.violation(field, "R10", "only Zvw providers are paid by insurers and state a VAT treatment;"
                        + " this party belongs to " + party.domain());
            } else if (vat.treatment() == null) {
                check.violation(field + ".treatment", "R10", "the VAT treatment (EXEMPT or INCLUDED) is required");
            } else if (vat.treatment() == Vat.Treatment.EXEMPT && vat.rateBasisPoints() != null) {
                check.violation(field + ".rateBasisPoints", "R10", "an EXEMPT provider has no VAT rate");
            } else if (vat.treatment() == Vat.Treatment.INCLUDED
                    && (vat.rateBasisPoints() == null || !Vat.isValidRate(vat.rateBasisPoints()))) {
                check.violation(field + ".rateBasisPoints", "R10", "VAT INCLUDED needs its rate in basis points,"
                        + " 1 to " + Vat.MAX_RATE_BASIS_POINTS + " (2100 = 21%), was " + vat.rateBasisPoints());
            }
        }
    }

    /** Whether insurers pay this Zvw provider: the main contractor, or any equal partner (or unknown yet). */
    private static boolean isPaid(Party party, ExecutionModel model) {
        return model == null || model.type() != ExecutionModelType.MAIN_CONTRACTOR
                || party.key() == null || party.key().equals(model.mainContractor());
    }

    private static void checkExecutionModel(ExecutionModel model, List<? extends Party> parties, Check check) {
        if (model == null || model.type() == null) {
            check.violation("executionModel.type", "R10", "the execution model (MAIN_CONTRACTOR or EQUAL_PARTNERS) is required");
            return;
        }
        List<? extends Party> providers = parties == null ? List.of() : zvwProviders(parties);
        Map<String, Party> providersByKey = new HashMap<>();
        providers.stream().filter(party -> party.key() != null).forEach(party -> providersByKey.putIfAbsent(party.key(), party));
        if (model.type() == ExecutionModelType.MAIN_CONTRACTOR) {
            if (isBlank(model.mainContractor())) {
                check.violation("executionModel.mainContractor", "R10", "a main contractor (the key of a Zvw provider) is required");
            } else if (!providersByKey.containsKey(model.mainContractor())) {
                check.violation("executionModel.mainContractor", "R10", "the main contractor " + quoted(model.mainContractor())
                        + " must be one of the Zvw providers " + sorted(providersByKey.keySet()));
            }
            if (model.partnerSharesBasisPoints() != null && !model.partnerSharesBasisPoints().isEmpty()) {
                check.violation("executionModel.partnerSharesBasisPoints", "R10",
                        "partner shares belong to the EQUAL_PARTNERS model, not to MAIN_CONTRACTOR");
            }
            return;
        }
        if (model.mainContractor() != null) {
            check.violation("executionModel.mainContractor", "R10", "equal partners have no main contractor");
        }
        Map<String, Integer> shares = model.partnerSharesBasisPoints();
        if (shares == null || !shares.keySet().equals(providersByKey.keySet())) {
            check.violation("executionModel.partnerSharesBasisPoints", "R10", "equal partners need a share for exactly the"
                    + " Zvw providers " + sorted(providersByKey.keySet()) + ", were given for "
                    + (shares == null ? "[]" : sorted(shares.keySet())));
            return;
        }
        Map<String, Long> sumPerSector = new HashMap<>();
        for (Map.Entry<String, Integer> share : shares.entrySet()) {
            Integer value = share.getValue();
            if (value == null || value <= 0 || value > BasisPoints.WHOLE) {
                check.violation("executionModel.partnerSharesBasisPoints." + share.getKey(), "R10",
                        "a partner share must lie between 1 and 10000 basis points, was " + value);
                continue;
            }
            String sector = providersByKey.get(share.getKey()).sector();
            if (sector != null) {
                sumPerSector.merge(sector, (long) value, Long::sum);
            }
        }
        sumPerSector.forEach((sector, sum) -> {
            if (sum != BasisPoints.WHOLE) {
                check.violation("executionModel.partnerSharesBasisPoints", "R10", "the partner shares within sector " + sector
                        + " must add up to exactly 10000 basis points, add up to " + sum);
            }
        });
    }

    private static void checkPurchasing(Purchasing purchasing, List<? extends Insurer> insurers, List<Integer> contractYears,
            Check check) {
        if (purchasing == null || purchasing.type() == null) {
            check.violation("purchasing.type", "R11", "the purchasing type (SINGLE or COORDINATED) is required");
            return;
        }
        int insurerCount = insurers == null ? 0 : insurers.size();
        if (purchasing.type() == PurchasingType.SINGLE) {
            if (insurerCount > 1) {
                check.violation("purchasing.type", "R11", insurerCount + " insurers contract together: purchasing must be"
                        + " COORDINATED with a market-share definition");
            }
            if (purchasing.marketShare() != null) {
                check.violation("purchasing.marketShare", "R11", "a market-share definition belongs to COORDINATED purchasing only");
            }
            return;
        }
        if (insurerCount < 2) {
            check.violation("purchasing.type", "R11", "coordinated purchasing needs two or more insurers, has " + insurerCount);
        }
        var marketShare = purchasing.marketShare();
        if (marketShare == null) {
            check.violation("purchasing.marketShare", "R11", "coordinated purchasing needs a market-share definition");
            return;
        }
        if (marketShare.basis() == null) {
            check.violation("purchasing.marketShare.basis", "R11", "the market-share basis is required");
        }
        if (marketShare.source() == null) {
            check.violation("purchasing.marketShare.source", "R11", "the source of the counts (INSURERS or TRUSTED_THIRD_PARTY) is required");
        }
        checkReferenceDates(marketShare, contractYears, check);
    }

    /**
     * R11: every contract year needs the reference date whose counts split its periods: named in
     * {@code referenceDates}, given by {@code referenceDateRule}, or the one {@code referenceDate} of every year.
     * A named date is for a year of the contract and lies no later than the end of that year.
     */
    private static void checkReferenceDates(MarketShareDefinition marketShare, List<Integer> contractYears, Check check) {
        String field = "purchasing.marketShare.";
        LocalDate referenceDate = marketShare.referenceDate();
        Map<String, LocalDate> named = marketShare.referenceDates() == null ? Map.of() : marketShare.referenceDates();
        String ruleName = marketShare.referenceDateRule();
        ReferenceDateRule rule = null;
        if (ruleName != null) {
            rule = Arrays.stream(ReferenceDateRule.values()).filter(known -> known.name().equals(ruleName)).findFirst()
                    .orElse(null);
            if (rule == null) {
                check.violation(field + "referenceDateRule", "R11", "unknown reference-date rule " + quoted(ruleName)
                        + "; allowed: " + Arrays.toString(ReferenceDateRule.values()));
            } else if (rule == ReferenceDateRule.FIRST_OF_JANUARY) {
                check.warning(field + "referenceDateRule", "R11", "reference dates on 1 January fall in January, when"
                        + " insureds switch insurer and counts are unreliable");
            }
        }
        if (referenceDate == null && named.isEmpty() && ruleName == null) {
            check.violation(field + "referenceDate", "R11", "the reference date (peildatum) is required: referenceDate"
                    + " for every year, referenceDates per contract year, or a referenceDateRule");
            return;
        }
        if (referenceDate != null && isUnreliableMonth(referenceDate)) {
            check.warning(field + "referenceDate", "R11", "reference date " + referenceDate
                    + " falls in January or February, when insureds switch insurer and counts are unreliable");
        }
        Set<Integer> years = new HashSet<>();
        for (Map.Entry<String, LocalDate> entry : new TreeMap<>(named).entrySet()) {
            String yearField = field + "referenceDates." + entry.getKey();
            if (entry.getKey() == null || !YEAR.matcher(entry.getKey()).matches()) {
                check.violation(yearField, "R11", "a contract year is written as four digits (e.g. \"2026\"), was "
                        + quoted(entry.getKey()));
                continue;
            }
            int year = Integer.parseInt(entry.getKey());
            LocalDate date = entry.getValue();
            if (!contractYears.isEmpty() && !contractYears.contains(year)) {
                check.violation(yearField, "R11", year + " is not a year of the contract's validity "
                        + contractYears.get(0) + "-" + contractYears.get(contractYears.size() - 1));
            }
            if (date == null) {
                check.violation(yearField, "R11", "the reference date of " + year + " is missing");
                continue;
            }
            years.add(year);
            if (date.isAfter(LocalDate.of(year, 12, 31))) {
                check.violation(yearField, "R11", "the reference date of " + year + " must lie no later than 31 December "
                        + year + " (its counts split that year's periods); was " + date);
            } else if (isUnreliableMonth(date)) {
                check.warning(yearField, "R11", "reference date " + date
                        + " falls in January or February, when insureds switch insurer and counts are unreliable");
            }
        }
        if (referenceDate == null && ruleName == null) {
            for (int year : contractYears) {
                if (!years.contains(year)) {
                    check.violation(field + "referenceDates." + year, "R11", "contract year " + year + " has no reference"
                            + " date: name it in referenceDates, or give a referenceDate or a referenceDateRule for every year");
                }
            }
        }
    }

    private static boolean isUnreliableMonth(LocalDate date) {
        return date.getMonth() == Month.JANUARY || date.getMonth() == Month.FEBRUARY;
    }

    private static void checkAgreements(Agreements agreements, Check check) {
        if (agreements == null) {
            check.violation("agreements", "R9", "the agreements on claims, information exchange, evaluation and control are required");
            return;
        }
        check.required(agreements.claimsProcess(), "agreements.claimsProcess", "R9", "the claims process must be agreed");
        check.required(agreements.informationExchange(), "agreements.informationExchange", "R9", "the information exchange must be agreed");
        check.required(agreements.evaluation(), "agreements.evaluation", "R9", "the evaluation must be agreed");
        check.required(agreements.controlMeasures(), "agreements.controlMeasures", "R9", "the control measures must be agreed");
    }

    private static List<? extends Party> zvwProviders(List<? extends Party> parties) {
        return parties.stream().filter(Objects::nonNull).filter(ContractRules::isZvwProvider).toList();
    }

    static boolean isZvwProvider(Party party) {
        return party.domain() == LegalDomain.ZVW;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "'" + text + "'";
    }

    private static String sorted(Collection<?> keys) {
        return new TreeSet<>(keys.stream().map(String::valueOf).toList()).toString();
    }

    /** R7 for one sector a document names: in the register, a macro-budget sector, valid on the version's first day. */
    private record SectorCheck(ZvwSectorRegister register, LocalDate effectiveOn, Set<ZvwSector> kept) {

        void check(String code, String field, Check check) {
            Optional<RegisteredZvwSector> entry = register.find(code);
            if (entry.isEmpty()) {
                check.violation(field, "R7", quoted(code) + " is not a Zvw sector in the register; the macro-budget"
                        + " sectors" + (effectiveOn == null ? "" : " on " + effectiveOn) + " are "
                        + register.macroBudgetSectorsOn(effectiveOn));
                return;
            }
            RegisteredZvwSector sector = entry.get();
            if (!sector.macroBudgetSector() && !kept.contains(sector.sector())) {
                check.violation(field, "R7", code + " (" + sector.name() + ") is not a macro-budget sector, so costs"
                        + " cannot be attributed to a sector's budget; a contract names a macro-budget sector "
                        + register.macroBudgetSectorsOn(effectiveOn) + " (an amendment may only keep one the contract"
                        + " already has)");
            }
            if (effectiveOn != null && !sector.isValidOn(effectiveOn)) {
                check.violation(field, "R7", code + " is in the register from " + sector.validFrom()
                        + (sector.validUntil() == null ? "" : " until " + sector.validUntil()) + ", not on "
                        + effectiveOn + ", the day this version takes effect");
            }
        }
    }

    private static final class Check {
        private final List<Finding> violations = new ArrayList<>();
        private final List<Finding> warnings = new ArrayList<>();

        void violation(String field, String rule, String message) {
            violations.add(new Finding(field, rule, rule + ": " + message));
        }

        void warning(String field, String rule, String message) {
            warnings.add(new Finding(field, rule, rule + ": " + message));
        }

        void required(String value, String field, String rule, String message) {
            if (isBlank(value)) {
                violation(field, rule, message);
            }
        }
    }
}
