package nl.bdss.reporting.mbi.web;

import java.time.Instant;
import java.util.List;
import nl.bdss.reporting.web.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The MBI alerts (R21): one per upward crossing of the threshold, newest first. */
@RestController
class AlertController {

    record AlertView(long id, String sector, int year, String basis, long loadCents, long macroBudgetCents,
            long shareBasisPoints, int thresholdBasisPoints, String cause, Instant raisedAt) {
    }

    private final JdbcClient jdbc;

    AlertController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/alerts")
    List<AlertView> alerts(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return jdbc.sql("""
                        select id, sector, alert_year, basis, load_cents, macro_budget_cents, share_basis_points,
                            threshold_basis_points, cause, raised_at
                        from mbi_alert where (cast(:year as int) is null or alert_year = :year)
                        order by id desc limit :size offset :offset""")
                .param("year", year == null ? null : Paging.year(year), java.sql.Types.INTEGER)
                .param("size", Paging.size(size))
                .param("offset", (long) Paging.page(page) * size)
                .query((rs, n) -> new AlertView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getInt(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }
}
