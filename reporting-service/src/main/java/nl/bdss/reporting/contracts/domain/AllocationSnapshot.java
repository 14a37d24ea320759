package nl.bdss.reporting.contracts.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What reporting keeps of one allocation of a contract (R7, R11): its version, whether it is complete, and every
 * period with its amount and lines. A complete allocation commits its amounts; the non-Zvw domain lines are recorded
 * alongside, never paid by insurers (R7). What a period's lines leave of its amount is the Zvw part of the insurers
 * that do not take part, when market shares are taken over all insurers in the area (R11): no one pays it.
 */
public record AllocationSnapshot(String contractId, int allocationVersion, int contractVersion, boolean complete,
        String pendingReason, List<Period> periods) {

    /** One allocated period (R8): it lies within one calendar year, the year it belongs to. */
    public record Period(LocalDate start, LocalDate end, long amountCents, List<Line> lines) {

        public Period {
            Objects.requireNonNull(start, "periods.periodStart");
            Objects.requireNonNull(end, "periods.periodEnd");
            if (end.isBefore(start) || end.getYear() != start.getYear()) {
                throw new IllegalArgumentException("periods.periodEnd: a period lies within one calendar year (R8), was "
                        + start + ".." + end);
            }
            if (amountCents < 0) {
                throw new IllegalArgumentException("periods.amountCents: never negative, was " + amountCents + " (R8)");
            }
            lines = List.copyOf(lines);
            long allocated = 0;
            for (Line line : lines) {
                allocated = Math.addExact(allocated, line.amountCents());
            }
            if (allocated > amountCents) {
                throw new IllegalArgumentException("periods.lines: the lines of " + start + " add up to " + allocated
                        + ", more than the period's amount " + amountCents + " (R7)");
            }
        }

        public int year() {
            return start.getYear();
        }

        /** The part of the amount no line carries: the non-participating insurers' Zvw part (R11). */
        public long unfundedCents() {
            return amountCents - lines.stream().mapToLong(Line::amountCents).sum();
        }
    }

    /** One line of a period: a legal domain and, for Zvw, its sector (R7, R17). */
    public record Line(String domain, String sector, long amountCents) {

        public Line {
            if (domain == null || domain.isBlank()) {
                throw new IllegalArgumentException("lines.domain: required (R7)");
            }
            if (ContractSnapshot.ZVW.equals(domain) && (sector == null || sector.isBlank())) {
                throw new IllegalArgumentException("lines.sector: a Zvw line names its sector (R7, R17)");
            }
            if (amountCents < 0) {
                throw new IllegalArgumentException("lines.amountCents: an allocated amount is a share of the lump sum"
                        + " and never negative, was " + amountCents + " (R10)");
            }
        }
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
        periods = List.copyOf(periods);
    }

    /** The sum of the lines per year of their period, domain and Zvw sector. */
    public SortedMap<CommittedKey, Long> committedByYear() {
        SortedMap<CommittedKey, Long> committed = new TreeMap<>();
        for (Period period : periods) {
            for (Line line : period.lines()) {
                String sector = ContractSnapshot.ZVW.equals(line.domain()) ? line.sector() : "";
                committed.merge(new CommittedKey(period.year(), line.domain(), sector), line.amountCents(), Math::addExact);
            }
        }
        return committed;
    }

    public Map<CommittedKey, Long> zvwByYear() {
        Map<CommittedKey, Long> zvw = new TreeMap<>(committedByYear());
        zvw.keySet().removeIf(key -> !ContractSnapshot.ZVW.equals(key.domain()));
        return zvw;
    }

    /** The unfunded Zvw part per year (R11), only the years that have one. */
    public SortedMap<Integer, Long> unfundedByYear() {
        SortedMap<Integer, Long> unfunded = new TreeMap<>();
        for (Period period : periods) {
            if (period.unfundedCents() > 0) {
                unfunded.merge(period.year(), period.unfundedCents(), Math::addExact);
            }
        }
        return unfunded;
    }
}
