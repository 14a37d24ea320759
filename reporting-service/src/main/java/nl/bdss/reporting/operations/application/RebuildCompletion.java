package nl.bdss.reporting.operations.application;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.bdss.reporting.operations.domain.Partition;
import nl.bdss.reporting.operations.domain.RebuildTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a rebuild once the group has consumed up to the end offsets recorded when it started. In one transaction it
 * then has every feature that announces downstream publish what differs from what it told before
 * ({@link AfterRebuild}): a SectorLoadChanged for each sector-year whose total changed, an alert for each crossing
 * never announced.
 */
@Component
class RebuildCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildCompletion.class);

    private final RebuildState state;
    private final ConsumerGroup group;
    private final List<AfterRebuild> announcers;
    private final TransactionTemplate transactions;

    RebuildCompletion(RebuildState state, ConsumerGroup group, List<AfterRebuild> announcers,
            TransactionTemplate transactions) {
        this.state = state;
        this.group = group;
        this.announcers = announcers;
        this.transactions = transactions;
    }

    @Scheduled(initialDelay = 1_000, fixedDelay = 1_000)
    void completeWhenCaughtUp() {
        List<RebuildTarget> targets = state.targets();
        if (targets.isEmpty()) {
            return;
        }
        try {
            Map<Partition, Long> committed = group.committedOffsets();
            if (!targets.stream().allMatch(target -> target.reachedBy(committed))) {
                return;
            }
            transactions.executeWithoutResult(status -> {
                if (state.finish()) {
                    String published = announcers.stream()
                            .map(announcer -> announcer.announceDifferences() + " " + announcer.announces())
                            .collect(Collectors.joining(", "));
                    LOG.info("Rebuild caught up; published what differs from before: {}", published);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Rebuild progress could not be checked yet: {}", e.toString());
        }
    }
}
