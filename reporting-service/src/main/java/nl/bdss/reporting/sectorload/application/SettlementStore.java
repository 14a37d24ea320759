package nl.bdss.reporting.sectorload.application;

import java.time.Instant;
import java.util.List;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.sectorload.application.SettlementBooking.Booked;

/** The settled entries, once per entry id, and the settled load per sector-year (port, R17, R18). */
public interface SettlementStore {

    /** Stores the entries not stored before, with one statement; returns the ids of those stored. */
    List<String> insertNew(List<Booked> rows);

    /** Stores the entry unless it was stored before; returns whether it was stored. */
    boolean insert(Booked booked);

    /** Adds the entries' amounts to the sector-year's load; its version counts the entries that changed it. */
    void addToLoad(SectorYear sectorYear, long amountCents, int entries, Instant now);
}
