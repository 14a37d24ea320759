package nl.bdss.reporting.operations;

import java.util.List;
import java.util.Map;
import nl.bdss.reporting.downstream.application.AlertAnnouncements;
import nl.bdss.reporting.downstream.application.RebuildState;
import nl.bdss.reporting.downstream.application.SectorLoadAnnouncements;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a rebuild once the group has consumed up to the end offsets recorded when it started (offsets are
 * committed after each event's transaction, so the read models then hold everything up to there). In one
 * transaction it then publishes what differs from what downstream systems were told before: a SectorLoadChanged
 * for each sector-year whose total changed, and an alert for each crossing never announced.
 */
@Component
class RebuildCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildCompletion.class);

    private final RebuildState state;
    private final KafkaAdmin kafka;
    private final SectorLoadAnnouncements sectorLoads;
    private final AlertAnnouncements alerts;
    private final TransactionTemplate transactions;
    private final String group;

    RebuildCompletion(RebuildState state, KafkaAdmin kafka, SectorLoadAnnouncements sectorLoads, AlertAnnouncements alerts,
            TransactionTemplate transactions, @Value("${spring.application.name}") String group) {
        this.state = state;
        this.kafka = kafka;
        this.sectorLoads = sectorLoads;
        this.alerts = alerts;
        this.transactions = transactions;
        this.group = group;
    }

    @Scheduled(initialDelay = 1_000, fixedDelay = 1_000)
    void completeWhenCaughtUp() {
        List<RebuildState.Target> targets = state.targets();
        if (targets.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, Long> committed = kafka.committed(group);
            boolean caughtUp = targets.stream().allMatch(target -> target.endOffset() == 0
                    || committed.getOrDefault(new TopicPartition(target.topic(), target.partition()), 0L) >= target.endOffset());
            if (!caughtUp) {
                return;
            }
            transactions.executeWithoutResult(status -> {
                if (state.finish()) {
                    int loads = sectorLoads.announceAll("rebuild from offset 0");
                    int raised = alerts.announceAll();
                    LOG.info("Rebuild caught up; published {} sector-load changes and {} alerts that differ from before",
                            loads, raised);
                }
            });
        } catch (Exception e) {
            LOG.warn("Rebuild progress could not be checked yet: {}", e.toString());
        }
    }
}
