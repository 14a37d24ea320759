package nl.bdss.reporting.operations.application;

import java.util.ArrayList;
import java.util.List;
import nl.bdss.reporting.operations.domain.RebuildTarget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from offset 0: stops the listeners, records the end offsets of the consumed topics as
 * the rebuild's target, moves the group's offsets to the start of the topics, wipes the read models and the
 * processed event ids together with recording the target, and starts the listeners again. What was published
 * downstream stays: until the target is reached nothing is published, then only the differences with what was
 * published before ({@link RebuildCompletion}).
 *
 * <p>The offsets move before the target is recorded: a completion check in between finds no target, and one after it
 * finds the group at the start of the topics, so a rebuild never counts as caught up on the offsets from before it.
 * When the broker refuses the move, nothing has been wiped.
 */
@Service
public class ReadModelRebuild {

    private final ConsumerGroup group;
    private final ReadModels readModels;
    private final RebuildState state;
    private final TransactionTemplate transactions;

    ReadModelRebuild(ConsumerGroup group, ReadModels readModels, RebuildState state, TransactionTemplate transactions) {
        this.group = group;
        this.readModels = readModels;
        this.state = state;
        this.transactions = transactions;
    }

    public synchronized void rebuild() {
        group.stopListening();
        try {
            List<RebuildTarget> targets = endOffsets();
            group.rewindToEarliest();
            transactions.executeWithoutResult(status -> {
                readModels.wipe();
                state.start(targets);
            });
        } finally {
            group.startListening();
        }
    }

    private List<RebuildTarget> endOffsets() {
        List<RebuildTarget> targets = new ArrayList<>();
        for (String topic : group.consumedTopics()) {
            group.offsets(topic).forEach((partition, offsets) ->
                    targets.add(new RebuildTarget(partition.topic(), partition.partition(), offsets.end())));
        }
        return targets;
    }
}
