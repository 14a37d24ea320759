package nl.bdss.settlement.riskequalisation.application;

import java.util.List;
import nl.bdss.settlement.riskequalisation.domain.SettledShare;

/** Reads what an insurer has settled (lump sums plus corrections) for periods starting in one year. */
public interface SettledShares {

    /** One share per (contract, allocation version) that booked entries, ordered so; without counts. */
    List<SettledShare> of(String uzovi, int year);
}
