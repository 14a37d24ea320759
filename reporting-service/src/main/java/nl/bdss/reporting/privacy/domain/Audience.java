package nl.bdss.reporting.privacy.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import nl.bdss.kernel.privacy.SmallCells;

/**
 * Who is shown a sector-wide figure (a sum over every insurer's contracts): the operator sees every figure; an insurer
 * is shown a figure only when the contracts it rests on that the insurer is not a party to are none, or at least the
 * small-cell minimum of contracts (the kernel's {@link SmallCells#suppressesContracts}). The insurer's own contracts
 * do not count towards the minimum: it knows them (its own lines, the lump sum and the market shares), so a national
 * total over its own contracts and one other would be that other contract's figure after a subtraction (the way
 * statistics offices do not let a respondent's own contribution protect a cell).
 */
public final class Audience {

    private static final Audience EVERYTHING = new Audience(null, null);

    private final Set<String> ownContracts;
    private final SmallCells cells;

    private Audience(Set<String> ownContracts, SmallCells cells) {
        this.ownContracts = ownContracts;
        this.cells = cells;
    }

    /** An operator (or a service with security off): every figure. */
    public static Audience everything() {
        return EVERYTHING;
    }

    /** An insurer that is a party to {@code ownContracts} (their current versions), under the small-cell rule. */
    public static Audience insurer(Set<String> ownContracts, SmallCells cells) {
        return new Audience(Set.copyOf(ownContracts), Objects.requireNonNull(cells));
    }

    public boolean seesEverything() {
        return ownContracts == null;
    }

    /** How many of these contracts the audience is not a party to (each counted once); 0 for the operator. */
    public long othersAmong(Collection<String> contracts) {
        if (seesEverything() || contracts == null) {
            return 0;
        }
        return contracts.stream().distinct().filter(contract -> !ownContracts.contains(contract)).count();
    }

    /** Whether a figure resting on these contracts is withheld from this audience. */
    public boolean withholds(Collection<String> contracts) {
        return !seesEverything() && cells.suppressesContracts(othersAmong(contracts));
    }
}
