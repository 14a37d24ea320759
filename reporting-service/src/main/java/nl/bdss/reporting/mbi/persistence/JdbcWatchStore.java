package nl.bdss.reporting.mbi.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import nl.bdss.reporting.mbi.application.WatchStore;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.LoadShare;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.mbi.domain.Threshold;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The watch in {@code mbi_watch} and {@code mbi_alert}, the loads in {@code sector_load} and {@code committed_load}. */
@Repository
class JdbcWatchStore implements WatchStore {

    private final JdbcClient jdbc;

    JdbcWatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long load(SectorYear sectorYear, LoadBasis basis) {
        String sql = basis == LoadBasis.SETTLED
                ? "select coalesce(sum(amount_cents), 0) from sector_load where sector = ? and load_year = ?"
                : "select coalesce(sum(amount_cents), 0) from committed_load where sector = ? and load_year = ?";
        return jdbc.sql(sql).params(sectorYear.sector(), sectorYear.year()).query(Long.class).single();
    }

    @Override
    public Optional<Long> macroBudget(SectorYear sectorYear) {
        return jdbc.sql("select amount_cents from macro_budget where sector = ? and budget_year = ?")
                .params(sectorYear.sector(), sectorYear.year())
                .query(Long.class).optional();
    }

    @Override
    public boolean lockAbove(SectorYear sectorYear, LoadBasis basis) {
        return jdbc.sql("select above from mbi_watch where sector = ? and watch_year = ? and basis = ? for update")
                .params(sectorYear.sector(), sectorYear.year(), basis.name())
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public void setAbove(SectorYear sectorYear, LoadBasis basis, boolean above) {
        jdbc.sql("""
                        insert into mbi_watch (sector, watch_year, basis, above) values (?, ?, ?, ?)
                        on conflict (sector, watch_year, basis) do update set above = excluded.above""")
                .params(sectorYear.sector(), sectorYear.year(), basis.name(), above)
                .update();
    }

    @Override
    public void raise(SectorYear sectorYear, LoadBasis basis, LoadShare share, Threshold threshold, String cause,
            Instant raisedAt) {
        jdbc.sql("""
                        insert into mbi_alert (sector, alert_year, basis, load_cents, macro_budget_cents,
                            share_basis_points, threshold_basis_points, cause, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sectorYear.sector(), sectorYear.year(), basis.name(), share.loadCents(), share.macroBudgetCents(),
                        share.basisPoints(), threshold.basisPoints(), cause, Timestamp.from(raisedAt))
                .update();
    }
}
