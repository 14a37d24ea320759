package nl.bdss.contract.register.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Money;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.Period;
import nl.bdss.kernel.time.PeriodKind;

/**
 * What a contract version agrees, once its document has passed {@link ContractRules}: identifiers, amounts, shares and
 * periods as value objects, every required part present. Only the rules build new terms from a document; a stored
 * version is read back as the terms it was accepted with.
 *
 * @param validity the days the contract is valid, both ends inclusive (R14)
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
        Agreements agreements) {

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
    }

    public record Insurer(Uzovi uzovi, String name) {
        public Insurer {
            Objects.requireNonNull(uzovi, "uzovi");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A party to the agreement. A Zvw provider has a Zvw sector and an AGB code; a party of another domain has no
     * sector and may name an AGB code.
     */
    public record Party(String key, String name, LegalDomain domain, ZvwSector sector, AgbCode agb) {
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

    public record Activity(String description, String justification) {
        public Activity {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(justification, "justification");
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

    public record MarketShareDefinition(MarketShareBasis basis, LocalDate referenceDate, CountSource source) {
        public MarketShareDefinition {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(referenceDate, "referenceDate");
            Objects.requireNonNull(source, "source");
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
                activities, budget, executionModel, purchasing, paymentTiming, attestations, agreements);
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
