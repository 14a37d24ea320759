package nl.bdss.allocation.split.messaging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.split.domain.ContractChangeKind;
import nl.bdss.allocation.split.domain.ContractTerms;
import nl.bdss.allocation.split.domain.ContractVersion;
import nl.bdss.allocation.split.domain.ExecutionModel;
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
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.kernel.time.PeriodKind;

/** Reads from a contract event only what the split needs; throws IllegalArgumentException for invalid terms. */
final class ContractTermsMapper {

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
        return new ContractTerms(event.getContractId(), event.getVersion(), contract.getValidFrom(),
                lastDay(event), PeriodKind.valueOf(contract.getBudget().getPeriod().name()),
                PaymentTiming.valueOf(contract.getPaymentTiming().name()), contract.getBudget().getLumpSumCents(),
                domainShares(contract), sectorShares(contract),
                contract.getInsurers().stream().map(insurer -> Uzovi.of(insurer.getUzovi())).toList(),
                contract.getParties().stream().map(party -> new Party(party.getKey(),
                        LegalDomain.valueOf(party.getDomain().name()), party.getSector(), party.getAgb())).toList(),
                executionModel(contract), purchasing(contract),
                contract.getTargetGroup().getServiceAreaPostcodes().stream().map(Postcode::of).distinct().toList());
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
        contract.getBudget().getDomainShares().forEach(share -> {
            if (shares.merge(LegalDomain.valueOf(share.getDomain().name()), share.getBasisPoints(), Integer::sum)
                    != share.getBasisPoints()) {
                throw new IllegalArgumentException("domain " + share.getDomain() + " listed twice (R7)");
            }
        });
        return shares;
    }

    private static Map<String, Integer> sectorShares(ContractState contract) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        contract.getBudget().getZvwSectorShares().forEach(share -> {
            if (shares.putIfAbsent(share.getSector(), share.getBasisPoints()) != null) {
                throw new IllegalArgumentException("sector " + share.getSector() + " listed twice (R7)");
            }
        });
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
        return new Purchasing(Purchasing.Type.COORDINATED, definition.getBasis(), definition.getReferenceDate(),
                CountSource.valueOf(definition.getSource().name()));
    }

}
