package nl.bdss.reporting.operations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RebuildProgressTest {

    static final Partition ENTRIES_0 = new Partition("bdss.settlement.entries", 0);
    static final Partition ENTRIES_1 = new Partition("bdss.settlement.entries", 1);

    @Test
    void aTargetIsReached_onceTheGroupCommittedItsEndOffset() {
        RebuildTarget target = new RebuildTarget("bdss.settlement.entries", 0, 5);

        assertThat(target.reachedBy(Map.of(ENTRIES_0, 4L))).isFalse();
        assertThat(target.reachedBy(Map.of(ENTRIES_0, 5L))).isTrue();
        assertThat(target.reachedBy(Map.of(ENTRIES_1, 9L))).isFalse();
    }

    @Test
    void anEmptyPartition_isReachedAtOnce_evenWithoutACommittedOffset() {
        assertThat(new RebuildTarget("bdss.settlement.entries", 0, 0).reachedBy(Map.of())).isTrue();
    }

    @Test
    void topicStatus_lagsFromTheEarliestOffsetWhereTheGroupNeverCommitted_andCountsTheDeadLettersKept() {
        // partition 0 holds 2..10 and the group is at 7: lag 3; partition 1 holds 0..5, never committed: lag 5
        TopicStatus status = TopicStatus.of("bdss.settlement.entries",
                Map.of(ENTRIES_0, new OffsetRange(2, 10), ENTRIES_1, new OffsetRange(0, 5)), Map.of(ENTRIES_0, 7L),
                "bdss.settlement.entries.reporting-service.dlt",
                Map.of(new Partition("bdss.settlement.entries.reporting-service.dlt", 0), new OffsetRange(1, 4)));

        assertThat(status).isEqualTo(new TopicStatus("bdss.settlement.entries", 15, 8,
                "bdss.settlement.entries.reporting-service.dlt", 3));
    }
}
