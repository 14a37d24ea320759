package nl.bdss.settlement.riskequalisation.application;

import java.util.Map;
import java.util.SortedSet;

/** Which insurers are party to which contract in a year, as settlement knows them from the allocations. */
public interface ContractParties {

    /** Contract id to its insurers (UZOVI) in {@code year}, ordered by contract id. */
    Map<String, SortedSet<String>> of(int year);
}
