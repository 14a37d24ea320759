package nl.bdss.reporting.operations.persistence;

import java.util.List;
import nl.bdss.reporting.operations.application.RebuildState;
import nl.bdss.reporting.operations.domain.RebuildTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rebuild's targets in {@code rebuild_target}: a rebuild is in progress while the table has rows. */
@Repository
class JdbcRebuildState implements RebuildState {

    private final JdbcClient jdbc;

    JdbcRebuildState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean inProgress() {
        return jdbc.sql("select exists (select 1 from rebuild_target)").query(Boolean.class).single();
    }

    @Override
    public List<RebuildTarget> targets() {
        return jdbc.sql("select topic, partition, end_offset from rebuild_target order by topic, partition")
                .query((rs, n) -> new RebuildTarget(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    @Override
    public void start(List<RebuildTarget> targets) {
        jdbc.sql("delete from rebuild_target").update();
        targets.forEach(target -> jdbc.sql("insert into rebuild_target (topic, partition, end_offset) values (?, ?, ?)")
                .params(target.topic(), target.partition(), target.endOffset()).update());
    }

    @Override
    public boolean finish() {
        List<Integer> locked = jdbc.sql("select partition from rebuild_target for update").query(Integer.class).list();
        if (locked.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from rebuild_target").update();
        return true;
    }
}
