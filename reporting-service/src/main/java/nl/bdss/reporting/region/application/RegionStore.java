package nl.bdss.reporting.region.application;

import java.util.List;
import nl.bdss.reporting.region.domain.Pc4Range;

/** The regions as PC4 ranges (port). */
public interface RegionStore {

    /** Locks the ranges against every other reader and writer for the rest of the transaction. */
    void lockExclusively();

    /** The ranges, by their first postcode. */
    List<Pc4Range> ranges();

    void deleteAll();

    void insertAll(List<Pc4Range> ranges);
}
