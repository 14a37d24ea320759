package nl.bdss.reporting.mbi.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import nl.bdss.reporting.mbi.application.Alerts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts in {@code mbi_alert}. */
@Repository
class JdbcAlerts implements Alerts {

    private final JdbcClient jdbc;

    JdbcAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredAlert> page(Integer year, int size, long offset) {
        return jdbc.sql("""
                        select id, sector, alert_year, basis, load_cents, macro_budget_cents, share_basis_points,
                            threshold_basis_points, cause, raised_at, contract_ids
                        from mbi_alert where (cast(:year as int) is null or alert_year = :year)
                        order by id desc limit :size offset :offset""")
                .param("year", year, Types.INTEGER)
                .param("size", size)
                .param("offset", offset)
                .query((rs, n) -> new StoredAlert(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getInt(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), contracts(rs.getArray(11))))
                .list();
    }

    private static Set<String> contracts(Array array) throws SQLException {
        return array == null ? null : Set.of((String[]) array.getArray());
    }
}
