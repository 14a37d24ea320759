package nl.bdss.reporting.downstream.application;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a rebuild of the read models is catching up. While it is, the read models pass through the totals of
 * the past again; nothing is published until the group has consumed up to the end offsets recorded when the
 * rebuild started.
 */
@Component
public class RebuildState {

    /** The end offset of one consumed partition when the rebuild started. */
    public record Target(String topic, int partition, long endOffset) {
    }

    private final JdbcClient jdbc;

    RebuildState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean inProgress() {
        return jdbc.sql("select exists (select 1 from rebuild_target)").query(Boolean.class).single();
    }

    public List<Target> targets() {
        return jdbc.sql("select topic, partition, end_offset from rebuild_target order by topic, partition")
                .query((rs, n) -> new Target(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    /** Replaces the targets; runs in the transaction that wipes the read models. */
    public void start(List<Target> targets) {
        jdbc.sql("delete from rebuild_target").update();
        targets.forEach(target -> jdbc.sql("insert into rebuild_target (topic, partition, end_offset) values (?, ?, ?)")
                .params(target.topic(), target.partition(), target.endOffset()).update());
    }

    /** Ends the rebuild, once; returns false when another instance ended it first. */
    public boolean finish() {
        List<Integer> locked = jdbc.sql("select partition from rebuild_target for update").query(Integer.class).list();
        if (locked.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from rebuild_target").update();
        return true;
    }
}
