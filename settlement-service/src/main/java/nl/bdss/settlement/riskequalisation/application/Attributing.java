package nl.bdss.settlement.riskequalisation.application;

import java.util.List;
import java.util.Map;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.riskequalisation.domain.Attribution;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
import nl.bdss.settlement.riskequalisation.domain.SettledShare;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes an insurer's settled lump sums (lump sums plus corrections) of one year for risk equalisation (R19),
 * computed on request from the immutable settlement entries. For the service-area key each contract's allocation
 * version is spread over the counts behind that allocation for the year (the year's own, from its reference date); the caller's counts are the fallback only for an
 * allocation that carried none, and without them such an allocation's share is refused (R19).
 */
@Service
public class Attributing {

    private final SettledShares settledShares;
    private final ServiceAreaCountStore counts;

    public Attributing(SettledShares settledShares, ServiceAreaCountStore counts) {
        this.settledShares = settledShares;
        this.counts = counts;
    }

    @Transactional(readOnly = true)
    public Attribution attribute(String insurer, int year, DistributionKey key, Map<String, Long> callerCounts,
            String reason) {
        List<SettledShare> shares = settledShares.of(insurer, year);
        if (key == DistributionKey.SERVICE_AREA_INSUREDS) {
            List<SettledShare> withCounts = shares.stream()
                    .map(s -> new SettledShare(s.contractId(), s.allocationVersion(), s.amountCents(),
                            counts.of(s.contractId(), s.allocationVersion(), insurer, year)))
                    .toList();
            if (callerCounts == null || callerCounts.isEmpty()) {
                withCounts.stream().filter(SettledShare::needsCallerCounts).findFirst()
                        .ifPresent(s -> {
                            throw Refusal.ruleViolated("insuredCounts", "R19", "insuredCounts: allocation v"
                                    + s.allocationVersion() + " of contract " + s.contractId()
                                    + " carries no service-area counts for insurer " + insurer
                                    + "; supply insuredCounts per postcode (R19)");
                        });
            }
            return Attribution.serviceArea(insurer, year, withCounts, callerCounts);
        }
        long settled = shares.stream().mapToLong(SettledShare::amountCents).sum();
        return Attribution.of(insurer, year, key, settled, callerCounts, reason);
    }
}
