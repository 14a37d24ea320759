package nl.bdss.reporting.region.persistence;

import java.util.List;
import nl.bdss.reporting.region.application.RegionStore;
import nl.bdss.reporting.region.domain.Pc4Range;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ranges in {@code region_pc4_range}. */
@Repository
class JdbcRegionStore implements RegionStore {

    private final JdbcClient jdbc;

    JdbcRegionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockExclusively() {
        jdbc.sql("lock table region_pc4_range in exclusive mode").update();
    }

    @Override
    public List<Pc4Range> ranges() {
        return jdbc.sql("select region, pc4_from, pc4_to from region_pc4_range order by pc4_from")
                .query((rs, n) -> new Pc4Range(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("delete from region_pc4_range").update();
    }

    @Override
    public void insertAll(List<Pc4Range> ranges) {
        ranges.forEach(range -> jdbc.sql("insert into region_pc4_range (pc4_from, pc4_to, region) values (?, ?, ?)")
                .params(range.from(), range.to(), range.region()).update());
    }
}
