package nl.bdss.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationPeriod;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.allocation.MarketShare;
import nl.bdss.events.common.BudgetPeriod;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.common.PaymentTiming;
import nl.bdss.events.contract.Activity;
import nl.bdss.events.contract.Agreements;
import nl.bdss.events.contract.Attestations;
import nl.bdss.events.contract.Budget;
import nl.bdss.events.contract.ContractChange;
import nl.bdss.events.contract.ContractState;
import nl.bdss.events.contract.ContractStatus;
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
import nl.bdss.events.contract.TargetGroup;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;

/**
 * The manual's worked example (seed 003, §4) as the events reporting consumes: EUR 100,000 a year, 10% Wmo,
 * 20% Jeugdwet, 70% Zvw split 50/50 over wijkverpleging and huisartsenzorg; insurers 3311 (60%) and 3343 (40%)
 * pay the main contractor AGB 01012345. Entry ids are fixed, so publishing it twice books it once.
 */
final class ManualExample {

    static final String CONTRACT_ID = "7a0c9f36-6f3e-4a55-9d2a-2b0f4c1e2025";
    static final String MAIN_CONTRACTOR_AGB = "01012345";

    private ManualExample() {
    }

    /** The four payment instructions of 2025: per insurer and per Zvw sector. */
    static List<SettlementBooked> settlements2025() {
        return List.of(
                lumpSum(1, "3311", "WIJKVERPLEGING", 2_100_000),
                lumpSum(2, "3311", "HUISARTSENZORG", 2_100_000),
                lumpSum(3, "3343", "WIJKVERPLEGING", 1_400_000),
                lumpSum(4, "3343", "HUISARTSENZORG", 1_400_000));
    }

    static SettlementBooked lumpSum(long sequence, String uzovi, String sector, long amountCents) {
        return entry(CONTRACT_ID, sequence, CONTRACT_ID + "/2025-01-01/" + uzovi + "/" + sector, SettlementKind.LUMP_SUM, null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), uzovi, sector, amountCents);
    }

    static SettlementBooked entry(String contractId, long sequence, String entryId, SettlementKind kind, String corrects,
            LocalDate periodStart, LocalDate periodEnd, String uzovi, String sector, long amountCents) {
        return SettlementBooked.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2025-01-02T08:00:00Z"))
                .setContractId(contractId)
                .setSequence(sequence)
                .setEntryId(entryId)
                .setKind(kind)
                .setCorrectsEntryId(corrects)
                .setPeriodStart(periodStart)
                .setPeriodEnd(periodEnd)
                .setUzovi(uzovi)
                .setPayeeAgb(MAIN_CONTRACTOR_AGB)
                .setPayeePartyKey("hap-west")
                .setSector(sector)
                .setAmountCents(amountCents)
                .setAllocationVersion(1)
                .setCause("allocation 1")
                .build();
    }

    static ContractVersionPublished contractVersion(int version, ContractStatus status, LocalDate validUntil) {
        ContractState state = ContractState.newBuilder()
                .setReference("IZA-WEST-2025-001")
                .setTitle("Samenwerking kwetsbare ouderen Regio West")
                .setStatus(status)
                .setValidFrom(LocalDate.of(2025, 1, 1))
                .setValidUntil(validUntil)
                .setInsurers(List.of(new Insurer("3311", "Zorgverzekeraar A"), new Insurer("3343", "Zorgverzekeraar B")))
                .setParties(List.of(
                        new Party("hap-west", "Huisartsenpraktijk West", LegalDomain.ZVW, "HUISARTSENZORG", MAIN_CONTRACTOR_AGB),
                        new Party("wijkzorg-noord", "Wijkzorg Noord", LegalDomain.ZVW, "WIJKVERPLEGING", "75750123"),
                        new Party("welzijn-centraal", "Welzijn Centraal", LegalDomain.WMO, null, null),
                        new Party("jeugdteam-oost", "Jeugdteam Oost", LegalDomain.JEUGDWET, null, null)))
                .setTargetGroup(new TargetGroup("Thuiswonende kwetsbare ouderen (75+) met multimorbiditeit",
                        List.of("leeftijd 75+", "multimorbiditeit", "thuiswonend"), List.of("1011", "1012", "1013", "1015", "1016")))
                .setActivities(List.of(new Activity("Maandelijks multidisciplinair wijkoverleg", "Voorkomt onnodige opnames")))
                .setBudget(new Budget(10_000_000L, BudgetPeriod.YEAR,
                        List.of(new DomainShare(LegalDomain.WMO, 1000), new DomainShare(LegalDomain.JEUGDWET, 2000),
                                new DomainShare(LegalDomain.ZVW, 7000)),
                        List.of(new SectorShare("WIJKVERPLEGING", 5000), new SectorShare("HUISARTSENZORG", 5000))))
                .setExecutionModel(new ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "hap-west", List.of()))
                .setPurchasing(new Purchasing(PurchasingType.COORDINATED, new MarketShareDefinition(
                        "INSURED_COUNT_IN_SERVICE_AREA", LocalDate.of(2025, 3, 1), CountSource.TRUSTED_THIRD_PARTY)))
                .setPaymentTiming(PaymentTiming.IN_ADVANCE)
                .setAttestations(new Attestations(true, true, true, "Tarief O&I-ketenzorg niet gedeclareerd", "THIS_PERFORMANCE"))
                .setAgreements(new Agreements("Lumpsum per jaar vooraf", "Kwartaalrapportage", "Jaarlijks", "Steekproef", null))
                .setOverlappingContractIds(List.of())
                .build();
        return ContractVersionPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2025-01-01T09:00:00Z"))
                .setContractId(CONTRACT_ID)
                .setVersion(version)
                .setChange(version == 1 ? ContractChange.REGISTERED : ContractChange.AMENDED)
                .setEffectiveFrom(LocalDate.of(2025, 1, 1))
                .setContract(state)
                .build();
    }

    /** The complete allocation of the example: 2025 and 2026, each EUR 100,000. */
    static AllocationCalculated allocation(int allocationVersion, AllocationStatus status) {
        List<AllocationPeriod> periods = new ArrayList<>();
        for (int year : List.of(2025, 2026)) {
            List<AllocationLine> lines = List.of(
                    line(LegalDomain.WMO, null, null, 1_000_000),
                    line(LegalDomain.JEUGDWET, null, null, 2_000_000),
                    line(LegalDomain.ZVW, "WIJKVERPLEGING", "3311", 2_100_000),
                    line(LegalDomain.ZVW, "WIJKVERPLEGING", "3343", 1_400_000),
                    line(LegalDomain.ZVW, "HUISARTSENZORG", "3311", 2_100_000),
                    line(LegalDomain.ZVW, "HUISARTSENZORG", "3343", 1_400_000));
            periods.add(new AllocationPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 10_000_000L, lines));
        }
        return AllocationCalculated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2025-01-01T10:00:00Z"))
                .setContractId(CONTRACT_ID)
                .setAllocationVersion(allocationVersion)
                .setContractVersion(1)
                .setStatus(status)
                .setPendingReason(status == AllocationStatus.PENDING ? "no insured counts for the reference date" : null)
                .setValidFrom(LocalDate.of(2025, 1, 1))
                .setValidUntil(LocalDate.of(2026, 12, 31))
                .setBudgetPeriod(BudgetPeriod.YEAR)
                .setPaymentTiming(PaymentTiming.IN_ADVANCE)
                .setLumpSumCents(10_000_000L)
                .setReferenceDate(LocalDate.of(2025, 3, 1))
                .setDatasetId("counts-2025-03-01")
                .setMarketShares(List.of(new MarketShare("3311", 6000L, 6000), new MarketShare("3343", 4000L, 4000)))
                .setPeriods(status == AllocationStatus.COMPLETE ? periods : List.of())
                .build();
    }

    private static AllocationLine line(LegalDomain domain, String sector, String uzovi, long amountCents) {
        return new AllocationLine(domain, sector, uzovi, uzovi == null ? null : MAIN_CONTRACTOR_AGB,
                uzovi == null ? null : "hap-west", amountCents);
    }
}
