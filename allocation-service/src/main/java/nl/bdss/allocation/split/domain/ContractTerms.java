package nl.bdss.allocation.split.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.BasisPoints;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/**
 * What the split needs to know of one contract version: the budget and its shares (R7, R8), the insurers and
 * how they share (R11), the parties and who is paid (R10), the service area (R6) and the period of validity;
 * {@code reference} the contract's own reference, passed on so that settlement and finance can name it (null for
 * terms stored before it). {@code paymentSchedule} how each budget period is paid (PER_PERIOD when absent) and
 * {@code vatByParty} the VAT treatment the contract states per Zvw party key (R10; a party without one is absent):
 * both passed on to settlement.
 */
public record ContractTerms(String contractId, int version, LocalDate validFrom, LocalDate validUntil,
        PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents,
        Map<LegalDomain, Integer> domainShares, Map<String, Integer> sectorShares,
        List<Uzovi> insurers, List<Party> parties, ExecutionModel executionModel, Purchasing purchasing,
        List<Postcode> serviceArea, String reference, PaymentSchedule paymentSchedule, Map<String, Vat> vatByParty) {

    /** Terms paid per budget period, without VAT statements (terms stored before them). */
    public ContractTerms(String contractId, int version, LocalDate validFrom, LocalDate validUntil,
            PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents,
            Map<LegalDomain, Integer> domainShares, Map<String, Integer> sectorShares,
            List<Uzovi> insurers, List<Party> parties, ExecutionModel executionModel, Purchasing purchasing,
            List<Postcode> serviceArea, String reference) {
        this(contractId, version, validFrom, validUntil, periodKind, paymentTiming, lumpSumCents, domainShares,
                sectorShares, insurers, parties, executionModel, purchasing, serviceArea, reference, null, null);
    }

    /** Terms without the contract's reference (tests, and terms stored before it). */
    public ContractTerms(String contractId, int version, LocalDate validFrom, LocalDate validUntil,
            PeriodKind periodKind, PaymentTiming paymentTiming, long lumpSumCents,
            Map<LegalDomain, Integer> domainShares, Map<String, Integer> sectorShares,
            List<Uzovi> insurers, List<Party> parties, ExecutionModel executionModel, Purchasing purchasing,
            List<Postcode> serviceArea) {
        this(contractId, version, validFrom, validUntil, periodKind, paymentTiming, lumpSumCents, domainShares,
                sectorShares, insurers, parties, executionModel, purchasing, serviceArea, null);
    }

    public ContractTerms {
        require(contractId != null && !contractId.isBlank(), "contractId", "contract id is required");
        require(version >= 1, "version", "contract version starts at 1");
        require(validFrom != null && validUntil != null && !validUntil.isBefore(validFrom), "validUntil",
                "validUntil must not be before validFrom (R14)");
        require(periodKind != null && paymentTiming != null, periodKind == null ? "periodKind" : "paymentTiming",
                "budget period and payment timing are required (R8)");
        require(lumpSumCents >= 0, "lumpSumCents", "lump sum must not be negative (R8)");
        domainShares = Map.copyOf(domainShares);
        sectorShares = Map.copyOf(sectorShares);
        insurers = List.copyOf(insurers);
        parties = List.copyOf(parties);
        serviceArea = List.copyOf(serviceArea);
        paymentSchedule = paymentSchedule == null ? PaymentSchedule.PER_PERIOD : paymentSchedule;
        vatByParty = vatByParty == null ? Map.of() : Map.copyOf(vatByParty);
        require(paymentSchedule.fits(periodKind), "paymentSchedule",
                "a " + paymentSchedule + " schedule does not divide a budget period of a " + periodKind + " (R8)");
        require(executionModel != null && purchasing != null, executionModel == null ? "executionModel" : "purchasing",
                "execution model (R10) and purchasing (R11) are required");
        require(!insurers.isEmpty(), "insurers", "at least one insurer (R1)");
        require(insurers.stream().distinct().count() == insurers.size(), "insurers", "insurers must be distinct (R1)");
        requireWhole(domainShares.values(), "domainShares", "domain shares must add up to 100% (R7)");
        int zvw = domainShares.getOrDefault(LegalDomain.ZVW, 0);
        require(zvw > 0, "domainShares", "the Zvw share must be positive: insurers pay only the Zvw part (R7, R8)");
        requireWhole(sectorShares.values(), "sectorShares", "Zvw sector shares must add up to 100% (R7)");
        require(purchasing.type() != Purchasing.Type.SINGLE || insurers.size() == 1, "purchasing",
                "single purchasing has exactly one insurer; several insurers need a market-share definition (R11)");
        require(purchasing.type() != Purchasing.Type.COORDINATED || !serviceArea.isEmpty(), "serviceArea",
                "coordinated purchasing needs a service area to count insureds in (R6, R11)");
        checkPayees(executionModel, parties, sectorShares);
    }

    /**
     * The VAT treatment of every payee whose party states one (R10), by AGB code in code order: what settlement books
     * the VAT part of each payment by.
     */
    public List<PayeeVat> vatOfPayees() {
        return parties.stream()
                .filter(party -> party.agb() != null && vatByParty.containsKey(party.key()) && pays(party.agb()))
                .map(party -> new PayeeVat(party.agb(), vatByParty.get(party.key())))
                .distinct()
                .sorted(java.util.Comparator.comparing(PayeeVat::payeeAgb))
                .toList();
    }

    public Optional<Party> party(String key) {
        return parties.stream().filter(party -> party.key().equals(key)).findFirst();
    }

    /**
     * Whether these terms pay the Zvw provider with this AGB code (R10), as {@link BudgetSplit} does: under a main
     * contractor only the main contractor; among equal partners every Zvw party of a sector with a share, except a
     * partner left out of (or given 0 in) a sector whose partner shares are listed.
     */
    public boolean pays(String agb) {
        if (agb == null) {
            return false;
        }
        if (executionModel.type() == ExecutionModel.Type.MAIN_CONTRACTOR) {
            return party(executionModel.mainContractorKey()).map(Party::agb).filter(agb::equals).isPresent();
        }
        return parties.stream()
                .filter(party -> party.domain() == LegalDomain.ZVW && party.sector() != null && agb.equals(party.agb()))
                .anyMatch(party -> sectorShares.getOrDefault(party.sector(), 0) > 0 && partnerPaid(party));
    }

    private boolean partnerPaid(Party partner) {
        boolean sharesListed = parties.stream().filter(p -> p.zvwProviderIn(partner.sector()))
                .anyMatch(p -> executionModel.partnerShares().containsKey(p.key()));
        return !sharesListed || executionModel.partnerShares().getOrDefault(partner.key(), 0) > 0;
    }

    private static void checkPayees(ExecutionModel model, List<Party> parties, Map<String, Integer> sectorShares) {
        if (model.type() == ExecutionModel.Type.MAIN_CONTRACTOR) {
            require(parties.stream().anyMatch(p -> p.key().equals(model.mainContractorKey()) && p.domain() == LegalDomain.ZVW),
                    "executionModel.mainContractorKey",
                    "main contractor '" + model.mainContractorKey() + "' must be a Zvw party of the contract (R10)");
            return;
        }
        sectorShares.forEach((sector, share) -> require(share == 0 || parties.stream().anyMatch(p -> p.zvwProviderIn(sector)),
                "sectorShares",
                "equal partners: sector " + sector + " has a share but no Zvw provider to receive it (R7, R10)"));
        model.partnerShares().forEach((key, share) -> {
            require(share >= 0, "executionModel.partnerShares", "partner share of " + key + " must not be negative (R10)");
            require(parties.stream().anyMatch(p -> p.key().equals(key) && p.domain() == LegalDomain.ZVW),
                    "executionModel.partnerShares",
                    "partner share for '" + key + "' which is no Zvw party of the contract (R10)");
        });
    }

    private static void requireWhole(java.util.Collection<Integer> shares, String term, String message) {
        require(shares.stream().allMatch(share -> share != null && share >= 0), term, message);
        require(shares.stream().mapToLong(Integer::longValue).sum() == BasisPoints.WHOLE, term, message);
    }

    private static void require(boolean condition, String term, String message) {
        if (!condition) {
            throw new InvalidTermsException(term, message);
        }
    }
}
