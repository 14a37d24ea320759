package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Money;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.kernel.time.PeriodKind;

/**
 * What a contract version agrees, once its document has passed {@link ContractRules}: identifiers, amounts, shares and
 * periods as value objects, every required part present. Only the rules build new terms from a document; a stored
 * version is read back as the terms it was accepted with.
 *
 * @param validity        the days the contract is valid, both ends inclusive (R14)
 * @param paymentSchedule how each budget period is paid (one amount or instalments); never null
 */
public record ContractTerms(
        String reference,
        String title,
        Period validity,
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
        PaymentSchedule paymentSchedule) {

    /** Terms paying each budget period in one amount. */
    public ContractTerms(String reference, String title, Period validity, List<Insurer> insurers, List<Party> parties,
            TargetGroup targetGroup, List<Activity> activities, Budget budget, ExecutionModel executionModel,
            Purchasing purchasing, PaymentTiming paymentTiming, Attestations attestations, Agreements agreements) {
        this(reference, title, validity, insurers, parties, targetGroup, activities, budget, executionModel, purchasing,
                paymentTiming, attestations, agreements, PaymentSchedule.PER_PERIOD);
    }

    public ContractTerms {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(validity, "validity");
        insurers = List.copyOf(insurers);
        parties = List.copyOf(parties);
        Objects.requireNonNull(targetGroup, "targetGroup");
        activities = List.copyOf(activities);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(executionModel, "executionModel");
        Objects.requireNonNull(purchasing, "purchasing");
        Objects.requireNonNull(paymentTiming, "paymentTiming");
        Objects.requireNonNull(attestations, "attestations");
        Objects.requireNonNull(agreements, "agreements");
        // terms stored before instalments pay per period
        paymentSchedule = paymentSchedule == null ? PaymentSchedule.PER_PERIOD : paymentSchedule;
        if (!paymentSchedule.fits(budget.period())) {
            throw new IllegalArgumentException("a " + budget.period() + " lump sum cannot be paid " + paymentSchedule);
        }
    }

    public record Insurer(Uzovi uzovi, String name) {
        public Insurer {
            Objects.requireNonNull(uzovi, "uzovi");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A party to the agreement. A Zvw provider has a Zvw sector and an AGB code; a party of another domain has no
     * sector and may name an AGB code. {@code vat} (R10): the VAT treatment of what a Zvw provider is paid, null when
     * the contract does not state it.
     */
    public record Party(String key, String name, LegalDomain domain, ZvwSector sector, AgbCode agb, Vat vat) {

        /** A party whose VAT treatment is not stated. */
        public Party(String key, String name, LegalDomain domain, ZvwSector sector, AgbCode agb) {
            this(key, name, domain, sector, agb, null);
        }

        public Party {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(domain, "domain");
            if (domain == LegalDomain.ZVW && (sector == null || agb == null)) {
                throw new IllegalArgumentException("Zvw provider " + key + " needs a Zvw sector and an AGB code");
            }
            if (domain != LegalDomain.ZVW && sector != null) {
                throw new IllegalArgumentException("party " + key + " of domain " + domain + " has no Zvw sector");
            }
            if (domain != LegalDomain.ZVW && vat != null) {
                throw new IllegalArgumentException("party " + key + " of domain " + domain + " is not paid by insurers:"
                        + " no VAT treatment");
            }
        }

        public boolean providesZvwCare() {
            return domain == LegalDomain.ZVW;
        }
    }

    /** R6: who the collaboration is for, and where. */
    public record TargetGroup(String description, List<String> characteristics, List<Postcode> serviceArea) {
        public TargetGroup {
            Objects.requireNonNull(description, "description");
            characteristics = List.copyOf(characteristics);
            serviceArea = List.copyOf(serviceArea);
        }
    }

    /**
     * R5, R13: a coordination activity. A hybrid meeting (groups and individual patients) is paid only for its
     * extra, group-bound coordination ({@code onlyGroupBoundCoordinationPaid}), determined as
     * {@code groupBoundPartDetermination} says; both are absent (null) for other activities unless stated.
     */
    public record Activity(String description, String justification, boolean hybridMeeting,
            Boolean onlyGroupBoundCoordinationPaid, String groupBoundPartDetermination) {
        public Activity {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(justification, "justification");
            if (hybridMeeting && (!Boolean.TRUE.equals(onlyGroupBoundCoordinationPaid)
                    || groupBoundPartDetermination == null || groupBoundPartDetermination.isBlank())) {
                throw new IllegalArgumentException("a hybrid meeting pays only the group-bound coordination and says"
                        + " how that part is determined (R13)");
            }
        }

        /** A regular (not hybrid) activity. */
        public Activity(String description, String justification) {
            this(description, justification, false, null, null);
        }
    }

    /** R7, R8: the lump sum per period and its split over domains and, within the Zvw part, over Zvw sectors. */
    public record Budget(Money lumpSum, PeriodKind period, Map<LegalDomain, BasisPoints> domainShares,
            Map<ZvwSector, BasisPoints> zvwSectorShares) {
        public Budget {
            Objects.requireNonNull(lumpSum, "lumpSum");
            Objects.requireNonNull(period, "period");
            domainShares = inOrder(domainShares);
            zvwSectorShares = inOrder(zvwSectorShares);
        }
    }

    /**
     * R10: a main contractor (the key of a Zvw provider) that receives and passes on the money, or equal partners
     * with a share each within their Zvw sector ({@code partnerShares} by party key, empty for a main contractor).
     */
    public record ExecutionModel(ExecutionModelType type, String mainContractor, Map<String, BasisPoints> partnerShares) {
        public ExecutionModel {
            Objects.requireNonNull(type, "type");
            partnerShares = inOrder(partnerShares == null ? Map.of() : partnerShares);
            if (type == ExecutionModelType.MAIN_CONTRACTOR && (mainContractor == null || !partnerShares.isEmpty())) {
                throw new IllegalArgumentException("a main contractor model names its main contractor and no partner shares");
            }
            if (type == ExecutionModelType.EQUAL_PARTNERS && (mainContractor != null || partnerShares.isEmpty())) {
                throw new IllegalArgumentException("equal partners have partner shares and no main contractor");
            }
        }
    }

    /** R11: one insurer, or several purchasing together by a market-share definition. */
    public record Purchasing(PurchasingType type, MarketShareDefinition marketShare) {
        public Purchasing {
            Objects.requireNonNull(type, "type");
            if ((type == PurchasingType.COORDINATED) != (marketShare != null)) {
                throw new IllegalArgumentException("coordinated purchasing, and only that, has a market-share definition");
            }
        }
    }

    /**
     * R11: each insurer's part by its counts on a contract year's reference date. A year's date is the one
     * {@code referenceDates} names for it, else the one {@code referenceDateRule} gives, else {@code referenceDate}
     * (the same date for every year); the rules made sure every contract year has one.
     *
     * @param referenceDate     null when every year is covered by {@code referenceDates} or the rule
     * @param referenceDates    by year, in year order; empty when none is named
     * @param referenceDateRule null when there is none
     */
    public record MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source,
            Map<Integer, LocalDate> referenceDates, ReferenceDateRule referenceDateRule) {
        public MarketShareDefinition {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(source, "source");
            referenceDates = Collections.unmodifiableMap(new TreeMap<>(referenceDates == null ? Map.of() : referenceDates));
            if (referenceDate == null && referenceDateRule == null && referenceDates.isEmpty()) {
                throw new IllegalArgumentException("a market-share definition needs a reference date, per year or by a rule");
            }
        }

        /** The same reference date for every contract year. */
        public MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source) {
            this(basis, Objects.requireNonNull(referenceDate, "referenceDate"), source, Map.of(), null);
        }

        /** The reference date whose counts split the periods of contract year {@code year}; empty if none applies. */
        public Optional<LocalDate> referenceDateOf(int year) {
            LocalDate named = referenceDates.get(year);
            if (named != null) {
                return Optional.of(named);
            }
            if (referenceDateRule != null) {
                return Optional.of(referenceDateRule.referenceDateOf(year));
            }
            return Optional.ofNullable(referenceDate);
        }
    }

    /** R2, R3, R4 and R12 as the parties attested them; {@code gpFundingChoice} may be absent without a GP. */
    public record Attestations(boolean zvwCareNeedEstablished, boolean coordinationRequiredForComplexity,
            boolean noDoubleFunding, String doubleFundingMeasure, GpFundingChoice gpFundingChoice) {
        public Attestations {
            Objects.requireNonNull(doubleFundingMeasure, "doubleFundingMeasure");
        }
    }

    /** R9; {@code quality} agreements are optional. */
    public record Agreements(String claimsProcess, String informationExchange, String evaluation,
            String controlMeasures, String quality) {
        public Agreements {
            Objects.requireNonNull(claimsProcess, "claimsProcess");
            Objects.requireNonNull(informationExchange, "informationExchange");
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(controlMeasures, "controlMeasures");
        }
    }

    /** The same terms, valid until {@code lastDay} (a termination, R14). */
    public ContractTerms endingOn(LocalDate lastDay) {
        return new ContractTerms(reference, title, new Period(validity.start(), lastDay), insurers, parties, targetGroup,
                activities, budget, executionModel, purchasing, paymentTiming, attestations, agreements, paymentSchedule);
    }

    /**
     * The single reference date of the market-share definition as the event carries it: the one the document gave,
     * else the first contract year's (a document with only dates per year or a rule). Empty for SINGLE purchasing.
     */
    public Optional<LocalDate> marketShareReferenceDate() {
        MarketShareDefinition marketShare = purchasing.marketShare();
        if (marketShare == null) {
            return Optional.empty();
        }
        return marketShare.referenceDate() != null ? Optional.of(marketShare.referenceDate())
                : marketShare.referenceDateOf(validity.start().getYear());
    }

    /** The Zvw sectors the parties name (R7), in the document's order. */
    public Set<ZvwSector> sectors() {
        Set<ZvwSector> sectors = new LinkedHashSet<>();
        parties.stream().map(Party::sector).filter(Objects::nonNull).forEach(sectors::add);
        sectors.addAll(budget.zvwSectorShares().keySet());
        return sectors;
    }

    /** AGB codes of the Zvw providers. */
    public List<AgbCode> providerAgbs() {
        return parties.stream().filter(Party::providesZvwCare).map(Party::agb).toList();
    }

    /**
     * The parties that sign the agreement and accept every change of it (R1): each insurer, then each Zvw provider,
     * in the document's order. Parties of other domains are recorded, not asked.
     */
    public List<Signatory> signatories() {
        List<Signatory> signatories = new ArrayList<>();
        insurers.forEach(insurer -> signatories.add(new Signatory(PartyId.insurer(insurer.uzovi().code()), null)));
        parties.stream().filter(Party::providesZvwCare)
                .forEach(party -> signatories.add(new Signatory(PartyId.provider(party.agb().code()), party.key())));
        return signatories;
    }

    public boolean signedBy(PartyId party) {
        return signatories().stream().anyMatch(signatory -> signatory.party().equals(party));
    }

    public List<Uzovi> insurerCodes() {
        return insurers.stream().map(Insurer::uzovi).toList();
    }

    public boolean isValidOn(LocalDate day) {
        return validity.contains(day);
    }

    /** An unmodifiable copy that keeps the document's order, so the terms read back as they were written. */
    private static <K, V> Map<K, V> inOrder(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }
}
