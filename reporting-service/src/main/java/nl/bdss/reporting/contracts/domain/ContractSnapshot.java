package nl.bdss.reporting.contracts.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What reporting keeps of one contract version (R7, R20): status, validity, budget, sectors, parties and the
 * service area's postcodes (R6).
 */
public record ContractSnapshot(String contractId, int version, String reference, String title, String status,
        LocalDate validFrom, LocalDate validUntil, long lumpSumCents, BudgetPeriod period,
        Map<String, Integer> domainSharesBasisPoints, List<String> insurers, List<String> zvwSectors,
        List<String> providerAgbs, int partyCount, List<String> serviceAreaPostcodes) {

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
        int shareSum = domainSharesBasisPoints.values().stream().mapToInt(Integer::intValue).sum();
        if (shareSum != 10_000) {
            throw new IllegalArgumentException("domainShares: add up to 10000 basis points (R7), was " + shareSum);
        }
        domainSharesBasisPoints = Map.copyOf(domainSharesBasisPoints);
        insurers = List.copyOf(insurers);
        zvwSectors = List.copyOf(zvwSectors);
        providerAgbs = List.copyOf(providerAgbs);
        serviceAreaPostcodes = serviceAreaPostcodes == null ? List.of() : List.copyOf(serviceAreaPostcodes);
    }
}
