package nl.bdss.reporting.sectorload.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.reporting.mbi.domain.SectorYear;

/**
 * The settled load per sector-year beside what downstream systems were last told of it (port). A rebuild never
 * wipes what was told, so versions never restart and a rebuild of unchanged data tells nothing.
 */
public interface PublishedLoads {

    /** The last published version and total of a sector-year. */
    record Published(long version, long totalCents) {
    }

    /** Every sector-year with a load or a published load, in year and sector order. */
    List<SectorYear> sectorYears();

    /** The settled load now, 0 when it has none. */
    long total(SectorYear sectorYear);

    /** What was last published; locks it for the rest of the transaction. */
    Optional<Published> lockLastPublished(SectorYear sectorYear);

    void recordPublished(SectorYear sectorYear, long version, long totalCents, Instant publishedAt);
}
