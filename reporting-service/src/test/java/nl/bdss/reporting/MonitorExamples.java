package nl.bdss.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.contract.Attestations;
import nl.bdss.events.contract.Budget;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.contract.CountSource;
import nl.bdss.events.contract.DomainShare;
import nl.bdss.events.contract.ExecutionModel;
import nl.bdss.events.contract.ExecutionModelType;
import nl.bdss.events.contract.Insurer;
import nl.bdss.events.contract.MarketShareDefinition;
import nl.bdss.events.contract.Party;
import nl.bdss.events.contract.Purchasing;
import nl.bdss.events.contract.PurchasingType;
import nl.bdss.events.contract.SectorShare;
import nl.bdss.events.fixtures.ManualExampleEvents;

/**
 * Contract versions and the allocations allocation-service would publish for them, written out by hand, for the
 * monitor's tests. The terms start from the manual's example ({@link ManualExampleEvents}) and change what a test
 * needs.
 */
final class MonitorExamples {

    static final String GGZ_PROVIDER_AGB = "94000012";

    private MonitorExamples() {
    }

    /** The manual's example valid from {@code validFrom} to {@code validUntil}, with the given lump sum per year. */
    static ContractState manualTerms(LocalDate validFrom, LocalDate validUntil, long lumpSumCents) {
        return ManualExampleEvents.contract()
                .setValidFrom(validFrom)
                .setValidUntil(validUntil)
                .setBudget(ManualExampleEvents.budget(lumpSumCents, BudgetPeriod.YEAR))
                .build();
    }

    /**
     * One insurer (3311) buying GGZ coordination per quarter with a Wlz and a Wpg party: 60% Zvw (all GGZ), 25% Wlz,
     * 15% Wpg. Its double-funding measure is left blank.
     */
    static ContractState quarterlyGgzTerms(LocalDate validFrom, LocalDate validUntil, long lumpSumPerQuarterCents) {
        return ContractState.newBuilder(manualTerms(validFrom, validUntil, lumpSumPerQuarterCents))
                .setReference("MONITOR-GGZ-QUARTERLY")
                .setInsurers(List.of(new Insurer("3311", "Zorgverzekeraar A")))
                .setParties(List.of(
                        new Party("ggz-west", "GGZ West", LegalDomain.ZVW, "GGZ", GGZ_PROVIDER_AGB, null),
                        new Party("zorgcentrum", "Zorgcentrum De Linde", LegalDomain.WLZ, null, null, null),
                        new Party("ggd", "GGD Regio West", LegalDomain.WPG, null, null, null)))
                .setBudget(new Budget(lumpSumPerQuarterCents, BudgetPeriod.QUARTER,
                        List.of(new DomainShare(LegalDomain.ZVW, 6000), new DomainShare(LegalDomain.WLZ, 2500),
                                new DomainShare(LegalDomain.WPG, 1500)),
                        List.of(new SectorShare("GGZ", 10000))))
                .setExecutionModel(new ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "ggz-west", List.of()))
                .setPurchasing(new Purchasing(PurchasingType.SINGLE, null))
                .setAttestations(new Attestations(true, true, true, " ", null))
                .build();
    }

    /**
     * Insurer 3311 alone, with market shares over all insurers in the area (R11): 80% Zvw (all huisartsenzorg),
     * 20% Wmo, per quarter.
     */
    static ContractState allInsurersTerms(LocalDate validFrom, LocalDate validUntil, long lumpSumPerQuarterCents) {
        return ContractState.newBuilder(manualTerms(validFrom, validUntil, lumpSumPerQuarterCents))
                .setReference("MONITOR-ALL-INSURERS")
                .setInsurers(List.of(new Insurer("3311", "Zorgverzekeraar A")))
                .setBudget(new Budget(lumpSumPerQuarterCents, BudgetPeriod.QUARTER,
                        List.of(new DomainShare(LegalDomain.ZVW, 8000), new DomainShare(LegalDomain.WMO, 2000)),
                        List.of(new SectorShare("HUISARTSENZORG", 10000))))
                .setPurchasing(new Purchasing(PurchasingType.SINGLE, MarketShareDefinition.newBuilder()
                        .setBasis("INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS").setReferenceDate(validFrom)
                        .setSource(CountSource.TRUSTED_THIRD_PARTY).build()))
                .build();
    }

    static ContractVersionPublished version(String contractId, int version, LocalDate effectiveFrom, ContractState state) {
        return ContractVersionPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-11-02T09:00:00Z"))
                .setContractId(contractId)
                .setVersion(version)
                .setChange(version == 1 ? ContractChange.REGISTERED : ContractChange.AMENDED)
                .setEffectiveFrom(effectiveFrom)
                .setContract(state)
                .build();
    }

    /** A complete allocation of the contract version's terms with the given periods and market shares. */
    static AllocationCalculated allocation(String contractId, int allocationVersion, int contractVersion,
            ContractState terms, List<MarketShare> shares, List<AllocationPeriod> periods) {
        return AllocationCalculated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-11-02T10:00:00Z"))
                .setContractId(contractId)
                .setAllocationVersion(allocationVersion)
                .setContractVersion(contractVersion)
                .setStatus(AllocationStatus.COMPLETE)
                .setValidFrom(terms.getValidFrom())
                .setValidUntil(terms.getValidUntil())
                .setBudgetPeriod(terms.getBudget().getPeriod())
                .setPaymentTiming(terms.getPaymentTiming())
                .setLumpSumCents(terms.getBudget().getLumpSumCents())
                .setReferenceDate(terms.getPurchasing().getMarketShare() == null ? null
                        : terms.getPurchasing().getMarketShare().getReferenceDate())
                .setDatasetId(null)
                .setMarketShares(shares)
                .setPeriods(periods)
                .build();
    }

    static AllocationPeriod period(LocalDate start, LocalDate end, long amountCents, AllocationLine... lines) {
        return new AllocationPeriod(start, end, amountCents, List.of(lines));
    }

    /** A share of a domain other than Zvw: recorded, paid by no insurer (R7). */
    static AllocationLine recorded(LegalDomain domain, long amountCents) {
        return new AllocationLine(domain, null, null, null, null, amountCents);
    }

    /** A Zvw line: the insurer pays the payee for the sector. */
    static AllocationLine paid(String sector, String uzovi, String payeeKey, String payeeAgb, long amountCents) {
        return new AllocationLine(LegalDomain.ZVW, sector, uzovi, payeeAgb, payeeKey, amountCents);
    }
}
