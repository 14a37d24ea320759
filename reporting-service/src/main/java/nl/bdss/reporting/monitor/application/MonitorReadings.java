package nl.bdss.reporting.monitor.application;

import java.util.Map;
import nl.bdss.reporting.monitor.domain.NzaMonitor;

/** The figures of the yearly monitor that do not come from the committed amounts (port, R20). */
public interface MonitorReadings {

    /** The Zvw part of the year no insurer pays (R11). */
    long unfunded(int year);

    /** What was settled on each sector's macro budget in the year (R17, R18). */
    Map<String, Long> chargedPerSector(int year);

    /** The contracts with an allocated amount in the year, counted over their current versions. */
    NzaMonitor.Contracts contracts(int year);
}
