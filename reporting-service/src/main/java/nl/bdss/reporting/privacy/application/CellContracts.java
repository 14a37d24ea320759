package nl.bdss.reporting.privacy.application;

import java.util.Map;
import java.util.Set;

/**
 * The contracts each sector-wide figure of a year rests on (port): a contract counts for a figure when it moves it,
 * i.e. its net amount there is not zero. Read only for callers the small-cell rule applies to.
 */
public interface CellContracts {

    /** The contracts an insurer is a party to, by their current versions. */
    Set<String> ofInsurer(String uzovi);

    /** Per Zvw sector, the contracts whose settled entries of the year add up to a non-zero amount (R17, R18). */
    Map<String, Set<String>> settledPerSector(int year);

    /**
     * Per Zvw sector, the contracts whose entries of the closed service year booked in it add up to a non-zero amount
     * (the figures as closed).
     */
    Map<String, Set<String>> atClosePerSector(int serviceYear);

    /** Per Zvw sector, the contracts whose entries of the service year booked in later years add up to non-zero. */
    Map<String, Set<String>> laterCorrectionsPerSector(int serviceYear);

    /** Per Zvw sector, the contracts whose entries booked in the year add up to non-zero (the booking-year view). */
    Map<String, Set<String>> bookedPerSector(int bookingYear);

    /** Per Zvw sector and service year, the contracts whose entries booked in the year add up to non-zero. */
    Map<String, Map<Integer, Set<String>>> bookedPerSectorAndServiceYear(int bookingYear);

    /** Per Zvw sector, the contracts with a non-zero committed amount in the year. */
    Map<String, Set<String>> committedPerSector(int year);

    /** Per legal domain other than Zvw, the contracts with a non-zero recorded share in the year (R7). */
    Map<String, Set<String>> committedPerOtherDomain(int year);

    /** The contracts with an unfunded Zvw part in the year (R11). */
    Set<String> unfunded(int year);

    /** The contracts with an allocated amount in the year (the NZa monitor's contracts, R20). */
    Set<String> allocated(int year);
}
