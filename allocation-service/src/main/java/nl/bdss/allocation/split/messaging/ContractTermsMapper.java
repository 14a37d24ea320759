package nl.bdss.allocation.split.messaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.ContractChangeKind;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.allocation.split.domain.ExecutionModel;
import nl.bdss.allocation.split.domain.InvalidTermsException;
import nl.bdss.allocation.split.domain.LegalDomain;
import nl.bdss.allocation.split.domain.Party;
import nl.bdss.allocation.split.domain.Purchasing;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.MarketShareDefinition;
import nl.bdss.events.contract.PurchasingType;
import nl.bdss.kernel.identity.Postcode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.kernel.money.Vat;
import nl.bdss.kernel.time.PaymentSchedule;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/**
 * Reads from a contract event only what the split needs; throws {@link InvalidField} (an IllegalArgumentException)
 * for invalid terms, naming the event's field that is wrong ({@code contract.budget.domainShares},
 * {@code contract.insurers[1].uzovi}).
 */
final class ContractTermsMapper {

    /** Where each component of the terms comes from in the event. */
    private static final Map<String, String> FIELD_OF_TERM = Map.ofEntries(
            Map.entry("contractId", "contractId"),
            Map.entry("version", "version"),
            Map.entry("validUntil", "contract.validUntil"),
            Map.entry("periodKind", "contract.budget.period"),
            Map.entry("paymentTiming", "contract.paymentTiming"),
            Map.entry("paymentSchedule", "contract.paymentSchedule"),
            Map.entry("lumpSumCents", "contract.budget.lumpSumCents"),
            Map.entry("domainShares", "contract.budget.domainShares"),
            Map.entry("sectorShares", "contract.budget.zvwSectorShares"),
            Map.entry("insurers", "contract.insurers"),
            Map.entry("parties", "contract.parties"),
            Map.entry("executionModel", "contract.executionModel"),
            Map.entry("executionModel.mainContractorKey", "contract.executionModel.mainContractorKey"),
            Map.entry("executionModel.partnerShares", "contract.executionModel.partnerShares"),
            Map.entry("purchasing", "contract.purchasing"),
            Map.entry("serviceArea", "contract.targetGroup.serviceAreaPostcodes"));

    /** A field of the event whose value cannot be allocated. */
    static final class InvalidField extends IllegalArgumentException {

        private final String field;

        InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private ContractTermsMapper() {
    }

    /** The version with its terms and from when they apply (R8, R14). */
    static ContractVersion toVersion(ContractVersionPublished event) {
        ContractChangeKind change = switch (event.getChange()) {
            case REGISTERED -> ContractChangeKind.REGISTERED;
            case AMENDED -> ContractChangeKind.AMENDED;
            case TERMINATED -> ContractChangeKind.TERMINATED;
            case OVERLAP_FLAGGED -> ContractChangeKind.OVERLAP_FLAGGED;
        };
        return new ContractVersion(toTerms(event), change, event.getEffectiveFrom());
    }

    static ContractTerms toTerms(ContractVersionPublished event) {
        ContractState contract = event.getContract();
        Map<LegalDomain, Integer> domainShares = domainShares(contract);
        Map<String, Integer> sectorShares = sectorShares(contract);
        List<Uzovi> insurers = new ArrayList<>();
        for (int i = 0; i < contract.getInsurers().size(); i++) {
            String uzovi = contract.getInsurers().get(i).getUzovi();
            insurers.add(at("contract.insurers[" + i + "].uzovi", () -> Uzovi.of(uzovi)));
        }
        List<Party> parties = new ArrayList<>();
        Map<String, Vat> vatByParty = new HashMap<>();
        for (int i = 0; i < contract.getParties().size(); i++) {
            var party = contract.getParties().get(i);
            parties.add(at("contract.parties[" + i + "]", () -> new Party(party.getKey(),
                    LegalDomain.valueOf(party.getDomain().name()), party.getSector(), party.getAgb())));
            if (party.getVat() != null) {
                vatByParty.put(party.getKey(), at("contract.parties[" + i + "].vat", () -> new Vat(
                        Vat.Treatment.valueOf(party.getVat().getTreatment().name()), party.getVat().getRateBasisPoints())));
            }
        }
        List<Postcode> serviceArea = new ArrayList<>();
        List<String> postcodes = contract.getTargetGroup().getServiceAreaPostcodes();
        for (int i = 0; i < postcodes.size(); i++) {
            String postcode = postcodes.get(i);
            Postcode parsed = at("contract.targetGroup.serviceAreaPostcodes[" + i + "]", () -> Postcode.of(postcode));
            if (!serviceArea.contains(parsed)) {
                serviceArea.add(parsed);
            }
        }
        ExecutionModel executionModel = at("contract.executionModel", () -> executionModel(contract));
        Purchasing purchasing = at("contract.purchasing.marketShare", () -> purchasing(contract));
        try {
            return new ContractTerms(event.getContractId(), event.getVersion(), contract.getValidFrom(),
                    lastDay(event), PeriodKind.valueOf(contract.getBudget().getPeriod().name()),
                    PaymentTiming.valueOf(contract.getPaymentTiming().name()), contract.getBudget().getLumpSumCents(),
                    domainShares, sectorShares, insurers, parties, executionModel, purchasing, serviceArea,
                    contract.getReference(), contract.getPaymentSchedule() == null ? null
                            : PaymentSchedule.valueOf(contract.getPaymentSchedule().name()), vatByParty);
        } catch (InvalidTermsException e) {
            throw new InvalidField(FIELD_OF_TERM.getOrDefault(e.term(), "contract"), e.getMessage());
        }
    }

    /** Reads one field; a value the domain refuses becomes an {@link InvalidField} naming it. */
    private static <T> T at(String field, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidField e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, e.getMessage());
        }
    }

    /** A termination ends the contract the day before the version takes effect (R14). */
    private static LocalDate lastDay(ContractVersionPublished event) {
        LocalDate validUntil = event.getContract().getValidUntil();
        if (event.getChange() == ContractChange.TERMINATED) {
            LocalDate dayBefore = event.getEffectiveFrom().minusDays(1);
            return dayBefore.isBefore(validUntil) ? dayBefore : validUntil;
        }
        return validUntil;
    }

    private static Map<LegalDomain, Integer> domainShares(ContractState contract) {
        Map<LegalDomain, Integer> shares = new LinkedHashMap<>();
        var listed = contract.getBudget().getDomainShares();
        for (int i = 0; i < listed.size(); i++) {
            var share = listed.get(i);
            if (shares.putIfAbsent(LegalDomain.valueOf(share.getDomain().name()), share.getBasisPoints()) != null) {
                throw new InvalidField("contract.budget.domainShares[" + i + "].domain",
                        "domain " + share.getDomain() + " listed twice (R7)");
            }
        }
        return shares;
    }

    private static Map<String, Integer> sectorShares(ContractState contract) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        var listed = contract.getBudget().getZvwSectorShares();
        for (int i = 0; i < listed.size(); i++) {
            var share = listed.get(i);
            if (shares.putIfAbsent(share.getSector(), share.getBasisPoints()) != null) {
                throw new InvalidField("contract.budget.zvwSectorShares[" + i + "].sector",
                        "sector " + share.getSector() + " listed twice (R7)");
            }
        }
        return shares;
    }

    private static ExecutionModel executionModel(ContractState contract) {
        var model = contract.getExecutionModel();
        return switch (model.getType()) {
            case MAIN_CONTRACTOR -> ExecutionModel.mainContractor(model.getMainContractorKey());
            case EQUAL_PARTNERS -> {
                Map<String, Integer> shares = new LinkedHashMap<>();
                model.getPartnerShares().forEach(share -> shares.put(share.getPartyKey(), share.getBasisPoints()));
                yield ExecutionModel.equalPartners(shares);
            }
        };
    }

    private static Purchasing purchasing(ContractState contract) {
        if (contract.getPurchasing().getType() == PurchasingType.SINGLE) {
            return Purchasing.single();
        }
        MarketShareDefinition definition = contract.getPurchasing().getMarketShare();
        if (definition == null) {
            throw new IllegalArgumentException("coordinated purchasing without a market-share definition (R11)");
        }
        Map<Integer, LocalDate> perYear = new LinkedHashMap<>();
        var listed = definition.getReferenceDates();
        for (int i = 0; i < listed.size(); i++) {
            var year = listed.get(i);
            if (perYear.putIfAbsent(year.getYear(), year.getReferenceDate()) != null) {
                throw new InvalidField("contract.purchasing.marketShare.referenceDates[" + i + "].year",
                        "contract year " + year.getYear() + " has two reference dates (R11)");
            }
        }
        String rule = definition.getReferenceDateRule();
        if (rule != null && !Purchasing.FIRST_OF_JANUARY.equals(rule)) {
            throw new InvalidField("contract.purchasing.marketShare.referenceDateRule", "unknown reference-date rule '"
                    + rule + "'; known: " + Purchasing.FIRST_OF_JANUARY + " (R11)");
        }
        return new Purchasing(Purchasing.Type.COORDINATED, definition.getBasis(), definition.getReferenceDate(),
                CountSource.valueOf(definition.getSource().name()), perYear, rule);
    }
}
