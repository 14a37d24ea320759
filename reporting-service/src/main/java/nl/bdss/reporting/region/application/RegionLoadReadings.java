package nl.bdss.reporting.region.application;

import java.util.List;
import java.util.Map;

/** What the load per region is made of (port): each contract's Zvw amounts of the year and its service area. */
public interface RegionLoadReadings {

    /** The settled amount per contract. */
    Map<String, Long> settledPerContract(int year);

    /** The committed Zvw amount per contract. */
    Map<String, Long> committedZvwPerContract(int year);

    /** The service area's postcodes per contract (R6). */
    Map<String, List<String>> serviceAreas();
}
