package nl.bdss.settlement.riskequalisation.application;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import nl.bdss.settlement.riskequalisation.domain.SectorShare;
import nl.bdss.settlement.riskequalisation.domain.YearAttribution;

/**
 * The stored attribution per (insurer, service year, sector, part), what it is computed from, and which (insurer,
 * year) are stale: a booking marks its own in its transaction, as do a new choice and new counts (R19).
 */
public interface YearAttributionStore {

    /** An insurer's service year. */
    record InsurerYear(String uzovi, int year) {
    }

    /** What an insurer settled in a year: per (sector, contract, allocation version), without counts. */
    record Settled(long entryCount, List<SectorShare> shares) {
    }

    /** An attribution as stored, with the moment it was computed. */
    record Stored(YearAttribution attribution, Instant computedAt) {
    }

    /**
     * Takes the (insurer, year)'s lock for the rest of the transaction (several instances may recompute):
     * waiting for it, or only when it is free ({@code wait} false, answering whether it was taken).
     */
    boolean lock(String uzovi, int year, boolean wait);

    /** The newest stale mark of the (insurer, year); empty when its stored attribution is up to date. */
    OptionalLong staleThrough(String uzovi, int year);

    /** Stale (insurer, year)s, at most {@code limit}; a null argument does not narrow. */
    List<InsurerYear> stale(String uzovi, Integer year, int limit);

    /** Marks the (insurer, year) stale. */
    void markStale(String uzovi, int year);

    /** Removes the stale marks up to and including {@code through}: those the recompute has seen. */
    void clearStale(String uzovi, int year, long through);

    Settled settled(String uzovi, int year);

    /** Replaces the stored attribution of the (insurer, year) by {@code attribution}. */
    void replace(YearAttribution attribution, Instant computedAt);

    /** Stored attributions of a year, ordered by insurer; a null {@code uzovi} does not narrow. */
    List<Stored> find(String uzovi, int year);
}
