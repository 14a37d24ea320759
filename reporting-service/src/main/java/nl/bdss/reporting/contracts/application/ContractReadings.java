package nl.bdss.reporting.contracts.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The contracts as reporting knows them, their statuses and the allocations still pending (query port). With
 * {@code onlyUzovi} (an insurer's own, from its token) only the contracts it is a party to, filtered in the queries
 * so counts and pages are its own; null for all.
 */
public interface ContractReadings {

    record ContractView(String contractId, int version, String reference, String title, String status,
            LocalDate validFrom, LocalDate validUntil, long lumpSumCents, String budgetPeriod, List<String> insurers,
            List<String> sectors, List<String> providers, String allocationStatus, Integer allocationVersion) {
    }

    record PendingAllocation(String contractId, int allocationVersion, int contractVersion, String pendingReason) {
    }

    /** {@code size} contracts from {@code offset}, of the status or, when it is null, of every status. */
    List<ContractView> contracts(String status, String onlyUzovi, int size, long offset);

    /** The number of contracts per status. */
    Map<String, Long> countByStatus(String onlyUzovi);

    /**
     * {@code limit} pending allocations from {@code offset}; an allocation whose contract reporting has not seen yet
     * names no parties, so only callers without a restriction see it.
     */
    List<PendingAllocation> pending(String onlyUzovi, long limit, long offset);

    long pendingCount(String onlyUzovi);
}
