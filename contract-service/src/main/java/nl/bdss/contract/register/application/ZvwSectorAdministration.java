package nl.bdss.contract.register.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.bdss.contract.register.application.ZvwSectors.StoredZvwSector;
import nl.bdss.contract.register.domain.RegisteredZvwSector;
import nl.bdss.contract.register.domain.ZvwSector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Zvw sector register (R7) as operators maintain it, like reporting's macro budgets: a sector the NZa adds to the
 * macro budgets is entered here and counts for the next contract, without a release. The register only grows or
 * changes entries: a contract that names a sector keeps reading it, whatever the entry says later.
 */
@Service
public class ZvwSectorAdministration {

    private final ZvwSectors sectors;
    private final Clock clock;

    public ZvwSectorAdministration(ZvwSectors sectors, Clock clock) {
        this.sectors = sectors;
        this.clock = clock;
    }

    /** The entries valid on {@code day}, by code; every entry when {@code day} is null. */
    @Transactional(readOnly = true)
    public List<StoredZvwSector> list(LocalDate day) {
        return sectors.all().stream().filter(stored -> day == null || stored.sector().isValidOn(day)).toList();
    }

    /**
     * Adds or replaces a sector's entry, recording who did it.
     *
     * @return true when the sector was new
     */
    @Transactional
    public boolean save(RegisteredZvwSector sector, String updatedBy) {
        boolean created = sectors.find(sector.sector()).isEmpty();
        sectors.save(sector, clock.instant(), updatedBy);
        return created;
    }

    @Transactional(readOnly = true)
    public StoredZvwSector get(ZvwSector sector) {
        return sectors.find(sector).orElseThrow();
    }
}
