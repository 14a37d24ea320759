package nl.bdss.settlement.riskequalisation.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one allocation version of one contract settled for an insurer in one Zvw sector and service year (lump
 * sums plus corrections), with the insurer's own counts per postcode behind that allocation for that year; empty
 * when the allocation carried none.
 */
public record SectorShare(String sector, String contractId, int allocationVersion, long amountCents,
        Map<String, Long> counts) {

    public SectorShare {
        counts = counts == null ? Map.of() : Map.copyOf(new TreeMap<>(counts));
    }
}
