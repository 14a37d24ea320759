package nl.bdss.settlement.riskequalisation.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * The part of an insurer's settled total that one allocation version of one contract caused (its lump sums and
 * corrections), with the insured counts per postcode behind that allocation for this insurer; empty when the
 * allocation carried none.
 */
public record SettledShare(String contractId, int allocationVersion, long amountCents, Map<String, Long> allocationCounts) {

    public SettledShare {
        allocationCounts = allocationCounts == null ? Map.of() : Map.copyOf(new TreeMap<>(allocationCounts));
    }

    /** Money settled from an allocation that carried no counts: only the caller's counts can spread it (R19). */
    public boolean needsCallerCounts() {
        return amountCents != 0 && allocationCounts.isEmpty();
    }
}
