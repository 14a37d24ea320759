package nl.bdss.settlement.settling.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.kernel.time.PaymentTiming;
import nl.bdss.settlement.riskequalisation.domain.ServiceAreaCount;
import nl.bdss.settlement.settling.domain.AllocatedPeriod;

/**
 * The fields of an AllocationCalculated event settlement needs: only the payable Zvw lines (R7). For a PENDING
 * allocation {@code periods} is empty: nothing becomes payable until a complete allocation arrives.
 * {@code serviceAreaCounts} are the insured counts behind the market shares (empty when the allocation carries
 * none): the default distribution key for risk equalisation (R19).
 */
public record AllocationReceived(UUID eventId, String contractId, int allocationVersion, int contractVersion,
        boolean complete, String pendingReason, LocalDate validFrom, LocalDate validUntil, PaymentTiming timing,
        List<AllocatedPeriod> periods, List<ServiceAreaCount> serviceAreaCounts) {

    public AllocationReceived {
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validFrom " + validFrom + " and validUntil " + validUntil
                    + " do not make a validity (R14)");
        }
        if (timing == null) {
            throw new IllegalArgumentException("paymentTiming is required");
        }
        periods = complete ? List.copyOf(periods) : List.of();
        serviceAreaCounts = serviceAreaCounts == null ? List.of() : List.copyOf(serviceAreaCounts);
    }
}
