package nl.bdss.reporting.contracts.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What reporting keeps of one contract version (R20): status, validity, lump sum, sectors, parties, the service
 * area's postcodes (R6) and what it attests about double funding (R4). Its budget per year is not derived from here
 * but from its allocation ({@link AllocationSnapshot}).
 */
public record ContractSnapshot(String contractId, int version, String reference, String title, String status,
        LocalDate validFrom, LocalDate validUntil, long lumpSumCents, BudgetPeriod period, List<String> insurers,
        List<String> zvwSectors, List<String> providerAgbs, int partyCount, List<String> serviceAreaPostcodes,
        boolean noDoubleFundingAttested, String doubleFundingMeasure) {

    public static final String ZVW = "ZVW";

    public ContractSnapshot {
        if (contractId == null || contractId.isBlank()) {
            throw new IllegalArgumentException("contractId: required");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version: starts at 1, was " + version);
        }
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(period, "period");
        if (validUntil.isBefore(validFrom.minusDays(1))) {
            throw new IllegalArgumentException("validUntil: before validFrom (R14)");
        }
        if (lumpSumCents < 0) {
            throw new IllegalArgumentException("lumpSumCents: never negative, was " + lumpSumCents);
        }
        insurers = List.copyOf(insurers);
        zvwSectors = List.copyOf(zvwSectors);
        providerAgbs = List.copyOf(providerAgbs);
        serviceAreaPostcodes = serviceAreaPostcodes == null ? List.of() : List.copyOf(serviceAreaPostcodes);
    }

    /**
     * Whether the contract states how double funding is prevented (R4, R22): it attests that the activities are not
     * paid by another performance and says how that is prevented.
     */
    public boolean statesDoubleFundingMeasure() {
        return noDoubleFundingAttested && doubleFundingMeasure != null && !doubleFundingMeasure.isBlank();
    }
}
