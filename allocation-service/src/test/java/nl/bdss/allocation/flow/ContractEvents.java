package nl.bdss.allocation.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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

/** Contract events as contract-service publishes them, after the manual's example (seed 003, section 4). */
public final class ContractEvents {

    private ContractEvents() {
    }

    public static ContractVersionPublished manualExample(String contractId, int version, long lumpSumCents,
            LocalDate referenceDate, CountSource source) {
        return manualExample(contractId, version, lumpSumCents, referenceDate, source, "INSURED_COUNT_IN_SERVICE_AREA");
    }

    static ContractVersionPublished manualExample(String contractId, int version, long lumpSumCents,
            LocalDate referenceDate, CountSource source, String marketShareBasis) {
        ContractState state = ContractState.newBuilder()
                .setReference("IZA-WEST-2025-001")
                .setTitle("Samenwerking kwetsbare ouderen Regio West")
                .setStatus(ContractStatus.ACTIVE)
                .setValidFrom(LocalDate.of(2025, 1, 1))
                .setValidUntil(LocalDate.of(2026, 12, 31))
                .setInsurers(List.of(new Insurer("3311", "Zorgverzekeraar A"), new Insurer("3343", "Zorgverzekeraar B")))
                .setParties(List.of(
                        new Party("hap-west", "Huisartsenpraktijk West", LegalDomain.ZVW, "HUISARTSENZORG", "01012345"),
                        new Party("wijkzorg-noord", "Wijkzorg Noord", LegalDomain.ZVW, "WIJKVERPLEGING", "75750123"),
                        new Party("welzijn-centraal", "Welzijn Centraal", LegalDomain.WMO, null, null),
                        new Party("jeugdteam-oost", "Jeugdteam Oost", LegalDomain.JEUGDWET, null, null)))
                .setTargetGroup(new TargetGroup("Thuiswonende kwetsbare ouderen (75+) met multimorbiditeit",
                        List.of("leeftijd 75+"), List.of("1011", "1012", "1013", "1015", "1016")))
                .setActivities(List.of(new Activity("Maandelijks multidisciplinair wijkoverleg", "Voorkomt opnames")))
                .setBudget(new Budget(lumpSumCents, BudgetPeriod.YEAR,
                        List.of(new DomainShare(LegalDomain.WMO, 1000), new DomainShare(LegalDomain.JEUGDWET, 2000),
                                new DomainShare(LegalDomain.ZVW, 7000)),
                        List.of(new SectorShare("WIJKVERPLEGING", 5000), new SectorShare("HUISARTSENZORG", 5000))))
                .setExecutionModel(new ExecutionModel(ExecutionModelType.MAIN_CONTRACTOR, "hap-west", List.of()))
                .setPurchasing(new Purchasing(PurchasingType.COORDINATED,
                        new MarketShareDefinition(marketShareBasis, referenceDate, source)))
                .setPaymentTiming(PaymentTiming.IN_ADVANCE)
                .setAttestations(new Attestations(true, true, true, "O&I niet gedeclareerd", "THIS_PERFORMANCE"))
                .setAgreements(new Agreements("Lumpsum per jaar vooraf", "Kwartaalrapportage", "Jaarlijks",
                        "Steekproef", null))
                .setOverlappingContractIds(List.of())
                .build();
        return ContractVersionPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2025-01-01T09:00:00Z"))
                .setContractId(contractId)
                .setVersion(version)
                .setChange(version == 1 ? ContractChange.REGISTERED : ContractChange.AMENDED)
                .setEffectiveFrom(LocalDate.of(2025, 1, 1))
                .setContract(state)
                .build();
    }
}
