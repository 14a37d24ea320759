package nl.bdss.system.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The terms of one contract version as the harness generated them: what the contract API receives (rendered by
 * {@link ContractDocuments}) and what the expected ledger is computed from. One insurer means SINGLE purchasing,
 * several mean COORDINATED purchasing by insured counts in the service area on {@code referenceDate} (R11).
 *
 * @param executionType  MAIN_CONTRACTOR (everything to {@code mainContractor}) or EQUAL_PARTNERS (each Zvw provider
 *                       by its share within its sector, {@code partnerShares})
 * @param countSource    TRUSTED_THIRD_PARTY or INSURERS; null with one insurer
 * @param marketShareBasis {@link #IN_SERVICE_AREA} (shares among the contract's insurers) or
 *                       {@link #IN_SERVICE_AREA_ALL_INSURERS} (shares among all insurers counted in the area: the
 *                       part of the others is recorded as unfunded, nobody pays it); null with one insurer
 */
public record Terms(String reference, String title, LocalDate validFrom, LocalDate validUntil, List<String> insurers,
        List<Party> parties, List<String> serviceArea, long lumpSumCents, PeriodKind period,
        Map<String, Integer> domainShares, Map<String, Integer> sectorShares, String executionType,
        String mainContractor, Map<String, Integer> partnerShares, LocalDate referenceDate, String countSource,
        String paymentTiming, String marketShareBasis) {

    public static final String IN_SERVICE_AREA = "INSURED_COUNT_IN_SERVICE_AREA";
    public static final String IN_SERVICE_AREA_ALL_INSURERS = "INSURED_COUNT_IN_SERVICE_AREA_ALL_INSURERS";
    public static final String MAIN_CONTRACTOR = "MAIN_CONTRACTOR";
    public static final String EQUAL_PARTNERS = "EQUAL_PARTNERS";
    public static final String IN_ADVANCE = "IN_ADVANCE";
    public static final String IN_ARREARS = "IN_ARREARS";

    public Terms {
        insurers = List.copyOf(insurers);
        parties = List.copyOf(parties);
        serviceArea = List.copyOf(serviceArea);
        domainShares = Map.copyOf(domainShares);
        sectorShares = Map.copyOf(sectorShares);
        partnerShares = partnerShares == null ? Map.of() : Map.copyOf(partnerShares);
        Objects.requireNonNull(period, "period");
        if (insurers.size() > 1 && (referenceDate == null || countSource == null)) {
            throw new IllegalArgumentException("several insurers need a reference date and a count source (R11)");
        }
        if (insurers.size() > 1 && marketShareBasis == null) {
            marketShareBasis = IN_SERVICE_AREA;
        }
    }

    /** A party; Zvw providers have a sector and an AGB code, the others only their legal domain. */
    public record Party(String key, String name, String domain, String sector, String agb) {

        public boolean zvw() {
            return "ZVW".equals(domain);
        }
    }

    public enum PeriodKind {
        YEAR, QUARTER, MONTH;

        /** Whether {@code other} cuts a year into at least as many periods as this kind. */
        public boolean finerOrEqual(PeriodKind other) {
            return other.ordinal() >= ordinal();
        }
    }

    public boolean coordinated() {
        return insurers.size() > 1;
    }

    public List<Party> zvwProviders() {
        return parties.stream().filter(Party::zvw).toList();
    }

    public Party party(String key) {
        return parties.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no party " + key));
    }

    public Terms withValidUntil(LocalDate until) {
        return new Terms(reference, title, validFrom, until, insurers, parties, serviceArea, lumpSumCents, period,
                domainShares, sectorShares, executionType, mainContractor, partnerShares, referenceDate, countSource,
                paymentTiming, marketShareBasis);
    }

    public Terms withValidFrom(LocalDate from) {
        return new Terms(reference, title, from, validUntil, insurers, parties, serviceArea, lumpSumCents, period,
                domainShares, sectorShares, executionType, mainContractor, partnerShares, referenceDate, countSource,
                paymentTiming, marketShareBasis);
    }

    public Terms withPaymentTiming(String timing) {
        return new Terms(reference, title, validFrom, validUntil, insurers, parties, serviceArea, lumpSumCents, period,
                domainShares, sectorShares, executionType, mainContractor, partnerShares, referenceDate, countSource,
                timing, marketShareBasis);
    }

    public Terms withLumpSum(long cents) {
        return new Terms(reference, title, validFrom, validUntil, insurers, parties, serviceArea, cents, period,
                domainShares, sectorShares, executionType, mainContractor, partnerShares, referenceDate, countSource,
                paymentTiming, marketShareBasis);
    }

    public Terms withSectorShares(Map<String, Integer> shares) {
        return new Terms(reference, title, validFrom, validUntil, insurers, parties, serviceArea, lumpSumCents, period,
                domainShares, shares, executionType, mainContractor, partnerShares, referenceDate, countSource,
                paymentTiming, marketShareBasis);
    }

    public Terms withPeriod(PeriodKind kind) {
        return new Terms(reference, title, validFrom, validUntil, insurers, parties, serviceArea, lumpSumCents, kind,
                domainShares, sectorShares, executionType, mainContractor, partnerShares, referenceDate, countSource,
                paymentTiming, marketShareBasis);
    }

    public Terms withPurchasing(List<String> newInsurers, List<String> area, LocalDate date, String source,
            String basis) {
        return new Terms(reference, title, validFrom, validUntil, newInsurers, parties, area, lumpSumCents, period,
                domainShares, sectorShares, executionType, mainContractor, partnerShares, date, source, paymentTiming,
                newInsurers.size() > 1 ? basis : null);
    }

    /** Whether the shares are taken over all insurers counted in the area (R11), the others' part unfunded. */
    public boolean overAllInsurers() {
        return IN_SERVICE_AREA_ALL_INSURERS.equals(marketShareBasis);
    }
}
