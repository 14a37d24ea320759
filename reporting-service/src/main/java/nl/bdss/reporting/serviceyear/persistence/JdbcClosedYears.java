package nl.bdss.reporting.serviceyear.persistence;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.bdss.reporting.serviceyear.application.ClosedYears;
import nl.bdss.reporting.serviceyear.domain.ClosedSplit;
import nl.bdss.reporting.serviceyear.domain.ClosedYear;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The closes in {@code closed_service_year}; the splits from the years of {@code settlement_entry}. */
@Repository
class JdbcClosedYears implements ClosedYears {

    private static final RowMapper<ClosedYear> CLOSED = (rs, n) -> new ClosedYear(rs.getInt("service_year"),
            rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by"),
            rs.getString("reason"));

    private final JdbcClient jdbc;

    JdbcClosedYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(UUID eventId, ClosedYear year) {
        return jdbc.sql("""
                        insert into closed_service_year (service_year, closed_at, closed_by, reason, event_id)
                        values (?, ?, ?, ?, ?) on conflict (service_year) do nothing""")
                .params(year.serviceYear(), Timestamp.from(year.closedAt()), year.closedBy(), year.reason(), eventId)
                .update() == 1;
    }

    @Override
    public Optional<ClosedYear> find(int serviceYear) {
        return jdbc.sql("select * from closed_service_year where service_year = ?").param(serviceYear)
                .query(CLOSED).optional();
    }

    @Override
    public Map<Integer, ClosedYear> all() {
        Map<Integer, ClosedYear> closed = new TreeMap<>();
        jdbc.sql("select * from closed_service_year").query(CLOSED).list()
                .forEach(year -> closed.put(year.serviceYear(), year));
        return closed;
    }

    @Override
    public Map<String, ClosedSplit> splitPerSector(int serviceYear) {
        Map<String, ClosedSplit> splits = new TreeMap<>();
        jdbc.sql("""
                        select sector, coalesce(sum(amount_cents) filter (where booking_year = service_year), 0),
                            coalesce(sum(amount_cents) filter (where booking_year > service_year), 0)
                        from settlement_entry where service_year = ? group by sector""")
                .param(serviceYear)
                .query((rs, n) -> splits.put(rs.getString(1), new ClosedSplit(rs.getLong(2), rs.getLong(3)))).list();
        return splits;
    }
}
