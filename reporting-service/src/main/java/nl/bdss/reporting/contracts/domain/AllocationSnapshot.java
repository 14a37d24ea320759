package nl.bdss.reporting.contracts.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What reporting keeps of one allocation of a contract (R7, R11): its version, whether it is complete, and the
 * lines of every period. A complete allocation commits its amounts; the non-Zvw domain lines are recorded
 * alongside, never paid by insurers (R7).
 */
public record AllocationSnapshot(String contractId, int allocationVersion, int contractVersion, boolean complete,
        String pendingReason, List<Line> lines) {

    public record Line(LocalDate periodStart, String domain, String sector, long amountCents) {
    }

    /** The committed figure of one year, domain and sector ('' for a domain other than Zvw). */
    public record CommittedKey(int year, String domain, String sector) implements Comparable<CommittedKey> {
        @Override
        public int compareTo(CommittedKey other) {
            return java.util.Comparator.comparingInt(CommittedKey::year).thenComparing(CommittedKey::domain)
                    .thenComparing(CommittedKey::sector).compare(this, other);
        }
    }

    public AllocationSnapshot {
        if (contractId == null || contractId.isBlank()) {
            throw new IllegalArgumentException("contractId: required");
        }
        if (allocationVersion < 1) {
            throw new IllegalArgumentException("allocationVersion: starts at 1, was " + allocationVersion);
        }
        lines = List.copyOf(lines);
        for (Line line : lines) {
            if (ContractSnapshot.ZVW.equals(line.domain()) && (line.sector() == null || line.sector().isBlank())) {
                throw new IllegalArgumentException("lines.sector: a Zvw line names its sector (R7, R17)");
            }
            if (line.amountCents() < 0) {
                throw new IllegalArgumentException("lines.amountCents: an allocated amount is a share of the lump sum"
                        + " and never negative, was " + line.amountCents() + " (R10)");
            }
        }
    }

    /** The sum of the lines per year of their period, domain and Zvw sector. */
    public SortedMap<CommittedKey, Long> committedByYear() {
        SortedMap<CommittedKey, Long> committed = new TreeMap<>();
        for (Line line : lines) {
            String sector = ContractSnapshot.ZVW.equals(line.domain()) ? line.sector() : "";
            committed.merge(new CommittedKey(line.periodStart().getYear(), line.domain(), sector), line.amountCents(), Long::sum);
        }
        return committed;
    }

    public Map<CommittedKey, Long> zvwByYear() {
        Map<CommittedKey, Long> zvw = new TreeMap<>(committedByYear());
        zvw.keySet().removeIf(key -> !ContractSnapshot.ZVW.equals(key.domain()));
        return zvw;
    }
}
