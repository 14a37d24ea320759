package nl.bdss.reporting.contracts.application;

import java.util.List;
import nl.bdss.reporting.contracts.domain.CommittedFigure;

/** Reads the committed amounts of a year (port). */
public interface CommittedAmountReadings {

    /** Per legal domain and Zvw sector, in domain and sector order. */
    List<CommittedFigure> ofYear(int year);
}
