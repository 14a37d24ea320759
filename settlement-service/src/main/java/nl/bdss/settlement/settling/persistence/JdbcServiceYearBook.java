package nl.bdss.settlement.settling.persistence;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.settling.application.ServiceYearBook;
import nl.bdss.settlement.settling.domain.ClosedServiceYear;
import nl.bdss.settlement.settling.domain.YearTotal;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Closed service years and their totals (immutable rows), and a year's figures read from its entries. */
@Repository
class JdbcServiceYearBook implements ServiceYearBook {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    JdbcServiceYearBook(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    public void lockAgainstBooking() {
        jdbc.sql(ServiceYearLock.EXCLUSIVE).query((rs, n) -> Boolean.TRUE).list();
    }

    @Override
    public Optional<ClosedServiceYear> closed(int year) {
        return closed("where y.year = ?", year).stream().findFirst();
    }

    @Override
    public List<ClosedServiceYear> closedYears() {
        return closed("", null);
    }

    private List<ClosedServiceYear> closed(String where, Integer year) {
        record Header(int year, String closedBy, Timestamp closedAt, String reason) {
        }
        Map<Integer, Header> headers = new LinkedHashMap<>();
        Map<Integer, List<YearTotal>> totals = new LinkedHashMap<>();
        var query = jdbc.sql("""
                select y.year, y.closed_by, y.closed_at, y.reason, t.uzovi, t.sector, t.payable_cents, t.credited_cents,
                    t.entry_count
                from service_year_closed y left join service_year_closed_total t on t.year = y.year
                """ + where + " order by y.year, t.uzovi, t.sector");
        if (year != null) {
            query = query.param(year);
        }
        query.query(rs -> {
            int y = rs.getInt("year");
            headers.putIfAbsent(y, new Header(y, rs.getString("closed_by"), rs.getTimestamp("closed_at"),
                    rs.getString("reason")));
            List<YearTotal> ofYear = totals.computeIfAbsent(y, k -> new ArrayList<>());
            if (rs.getString("uzovi") != null) {
                ofYear.add(new YearTotal(rs.getString("uzovi"), rs.getString("sector"), rs.getLong("payable_cents"),
                        rs.getLong("credited_cents"), rs.getInt("entry_count")));
            }
        });
        return headers.values().stream().map(h -> new ClosedServiceYear(h.year(), h.closedBy(),
                h.closedAt().toInstant(), h.reason(), totals.get(h.year()))).toList();
    }

    @Override
    public List<YearTotal> totalsOf(int year) {
        return jdbc.sql("""
                select uzovi, sector, coalesce(sum(amount_cents) filter (where amount_cents > 0), 0),
                    coalesce(sum(amount_cents) filter (where amount_cents < 0), 0), count(*)
                from settlement_entry where service_year = ? and booking_year = ?
                group by uzovi, sector order by uzovi, sector""")
                .params(year, year)
                .query((rs, n) -> new YearTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5)))
                .list();
    }

    @Override
    public void save(ClosedServiceYear closed, UUID eventId) {
        jdbc.sql("insert into service_year_closed (year, closed_by, closed_at, reason, event_id) values (?, ?, ?, ?, ?)")
                .params(closed.year(), closed.closedBy(), Timestamp.from(closed.closedAt()), closed.reason(), eventId)
                .update();
        List<Object[]> rows = closed.totals().stream().map(t -> new Object[] {closed.year(), t.uzovi(), t.sector(),
            t.payableCents(), t.creditedCents(), t.entryCount()}).toList();
        batches.batchUpdate("""
                insert into service_year_closed_total (year, uzovi, sector, payable_cents, credited_cents, entry_count)
                values (?, ?, ?, ?, ?, ?)""", rows);
    }
}
