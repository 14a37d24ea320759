package nl.bdss.contract.register.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.contract.register.domain.RegisteredZvwSector;
import nl.bdss.contract.register.domain.ZvwSector;
import nl.bdss.contract.register.domain.ZvwSectorRegister;

/** Where the Zvw sector register (R7) is kept: dated reference data an operator maintains. */
public interface ZvwSectors {

    /** A sector as stored, with who changed it last and when. */
    record StoredZvwSector(RegisteredZvwSector sector, Instant updatedAt, String updatedBy) {
    }

    /** The whole register as it is now, read fresh each time (a sector added a moment ago counts). */
    ZvwSectorRegister snapshot();

    /** Every entry, by code. */
    List<StoredZvwSector> all();

    Optional<StoredZvwSector> find(ZvwSector sector);

    /** Adds the sector or replaces its entry; in the caller's transaction. */
    void save(RegisteredZvwSector sector, Instant now, String updatedBy);
}
