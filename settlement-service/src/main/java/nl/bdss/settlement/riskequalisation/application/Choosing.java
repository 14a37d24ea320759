package nl.bdss.settlement.riskequalisation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.settlement.riskequalisation.application.ChoiceStore.Change;
import nl.bdss.settlement.riskequalisation.application.ChoiceStore.Recorded;
import nl.bdss.settlement.riskequalisation.domain.DistributionChoice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an insurer's distribution key for a year (R19) with its history, and marks the year's stored attribution
 * stale in the same transaction. Recording the same choice again changes nothing.
 */
@Service
public class Choosing {

    private final ChoiceStore choices;
    private final YearAttributionStore attributions;
    private final Clock clock;

    public Choosing(ChoiceStore choices, YearAttributionStore attributions, Clock clock) {
        this.choices = choices;
        this.attributions = attributions;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(DistributionChoice choice, String by) {
        Optional<Recorded> current = choices.lock(choice.insurer(), choice.year());
        if (current.isPresent() && current.get().choice().sameAs(choice)) {
            return current.get();
        }
        int revision = current.map(r -> r.revision() + 1).orElse(1);
        Instant now = clock.instant();
        Recorded recorded = new Recorded(choice, revision, by, now);
        choices.save(recorded, new Change(revision, by, now, current.map(Recorded::choice).orElse(null), choice));
        attributions.markStale(choice.insurer(), choice.year());
        return recorded;
    }

    /** A recorded choice with its changes, oldest first. */
    public record WithHistory(Recorded recorded, List<Change> history) {
    }

    @Transactional(readOnly = true)
    public List<WithHistory> find(String uzovi, Integer year) {
        return choices.find(uzovi, year).stream()
                .map(r -> new WithHistory(r, choices.history(r.choice().insurer(), r.choice().year())))
                .toList();
    }
}
