package nl.bdss.reporting.mbi.persistence;

import java.sql.Timestamp;
import java.util.List;
import nl.bdss.reporting.mbi.application.AnnouncedAlerts;
import nl.bdss.reporting.mbi.domain.AlertAnnounced;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The announced state in {@code announced_watch} and {@code announced_alert}, beside the watch it follows. */
@Repository
class JdbcAnnouncedAlerts implements AnnouncedAlerts {

    private final JdbcClient jdbc;

    JdbcAnnouncedAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Watch> watches() {
        return jdbc.sql("""
                        select sector, watch_year, basis from mbi_watch
                        union select sector, watch_year, basis from announced_watch order by 2, 1, 3""")
                .query((rs, n) -> new Watch(new SectorYear(rs.getString(1), rs.getInt(2)), LoadBasis.valueOf(rs.getString(3))))
                .list();
    }

    @Override
    public boolean above(Watch watch) {
        return jdbc.sql("select above from mbi_watch where sector = ? and watch_year = ? and basis = ?")
                .params(watch.sectorYear().sector(), watch.sectorYear().year(), watch.basis().name())
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public boolean lockAnnouncedAbove(Watch watch) {
        return jdbc.sql("""
                        select above from announced_watch where sector = ? and watch_year = ? and basis = ? for update""")
                .params(watch.sectorYear().sector(), watch.sectorYear().year(), watch.basis().name())
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public void setAnnouncedAbove(Watch watch, boolean above) {
        jdbc.sql("""
                        insert into announced_watch (sector, watch_year, basis, above) values (?, ?, ?, ?)
                        on conflict (sector, watch_year, basis) do update set above = excluded.above""")
                .params(watch.sectorYear().sector(), watch.sectorYear().year(), watch.basis().name(), above).update();
    }

    @Override
    public RaisedAlert latestAlert(Watch watch) {
        return jdbc.sql("""
                        select load_cents, macro_budget_cents, share_basis_points, threshold_basis_points from mbi_alert
                        where sector = ? and alert_year = ? and basis = ? order by id desc limit 1""")
                .params(watch.sectorYear().sector(), watch.sectorYear().year(), watch.basis().name())
                .query((rs, n) -> new RaisedAlert(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).single();
    }

    @Override
    public long nextVersion(SectorYear sectorYear) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("announced_alert|" + sectorYear.key()).query().listOfRows();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from announced_alert where sector = ? and alert_year = ?")
                .params(sectorYear.sector(), sectorYear.year()).query(Long.class).single();
    }

    @Override
    public void recordAnnounced(AlertAnnounced alert) {
        jdbc.sql("""
                        insert into announced_alert (sector, alert_year, version, basis, load_cents, macro_budget_cents, announced_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(alert.sectorYear().sector(), alert.sectorYear().year(), alert.version(), alert.basis().name(),
                        alert.loadCents(), alert.macroBudgetCents(), Timestamp.from(alert.occurredAt()))
                .update();
    }
}
