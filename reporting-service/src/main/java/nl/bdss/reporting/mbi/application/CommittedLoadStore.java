package nl.bdss.reporting.mbi.application;

import nl.bdss.reporting.mbi.domain.SectorYear;

/** The committed Zvw load per sector-year as a running total (port). */
public interface CommittedLoadStore {

    void add(SectorYear sectorYear, long deltaCents);
}
