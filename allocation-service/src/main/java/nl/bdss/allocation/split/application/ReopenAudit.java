package nl.bdss.allocation.split.application;

import java.time.Instant;
import java.util.List;

/** The audit trail of the operators' reopens of settled periods, in the transaction that carries them out. */
public interface ReopenAudit {

    /**
     * @param allocationVersion the allocation the reopen published; null when nothing changed and nothing was
     *                          published
     */
    record Entry(String contractId, String clientId, String reason, List<Integer> years, Integer allocationVersion,
            int correctionCount, Instant at) {
    }

    void record(Entry entry);
}
