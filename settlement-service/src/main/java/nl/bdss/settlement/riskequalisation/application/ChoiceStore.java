package nl.bdss.settlement.riskequalisation.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.settlement.riskequalisation.domain.DistributionChoice;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;

/** The insurers' recorded distribution keys per service year and every change of them (R19). */
public interface ChoiceStore {

    /** The current choice of an insurer for a year: its revision (1 for the first), who recorded it and when. */
    record Recorded(DistributionChoice choice, int revision, String recordedBy, Instant recordedAt) {
    }

    /** One change of a choice: who, when, what it was before (null for the first) and after. */
    record Change(int revision, String changedBy, Instant changedAt, DistributionChoice before,
            DistributionChoice after) {
    }

    /** The current choice, serialising changes of the same (insurer, year) for the rest of the transaction. */
    Optional<Recorded> lock(String uzovi, int year);

    /** Records {@code recorded} as the current choice and appends {@code change} to its history. */
    void save(Recorded recorded, Change change);

    /** Current choices, ordered by year and insurer; a null argument does not narrow. */
    List<Recorded> find(String uzovi, Integer year);

    /** The changes of one insurer's choice for a year, oldest first. */
    List<Change> history(String uzovi, int year);

    /** The recorded key per insurer for a year; an insurer without a choice is absent. */
    Map<String, DistributionKey> keysOf(Collection<String> uzovis, int year);
}
