package nl.bdss.reporting.serviceyear.application;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.reporting.serviceyear.domain.ClosedSplit;
import nl.bdss.reporting.serviceyear.domain.ClosedYear;

/** The closed service years, and how a closed year's settled amounts divide into as closed and later (port). */
public interface ClosedYears {

    /** Records the close unless the year was closed before (the first close stays); returns whether it was new. */
    boolean record(UUID eventId, ClosedYear year);

    Optional<ClosedYear> find(int serviceYear);

    /** Every closed year by its service year. */
    Map<Integer, ClosedYear> all();

    /** Per sector, the service year's settled amount booked in it and booked in later years. */
    Map<String, ClosedSplit> splitPerSector(int serviceYear);
}
