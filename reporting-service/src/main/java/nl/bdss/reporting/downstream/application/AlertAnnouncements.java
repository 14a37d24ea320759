package nl.bdss.reporting.downstream.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.reporting.LoadMeasure;
import nl.bdss.events.reporting.MacroBudgetAlertRaised;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.sectorload.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces MBI alerts (R21) to downstream systems as MacroBudgetAlertRaised, once per crossing: the watch's
 * state is compared with the announced state in {@code announced_watch}, which a rebuild does not wipe, so an
 * alert already announced is never announced again, and versions per sector-year continue.
 */
@Component
public class AlertAnnouncements {

    private record Alert(long loadCents, long macroBudgetCents, long shareBasisPoints, int thresholdBasisPoints) {
    }

    private record WatchKey(SectorYear sectorYear, LoadBasis basis) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final RebuildState rebuild;
    private final Clock clock;

    AlertAnnouncements(JdbcClient jdbc, Outbox outbox, RebuildState rebuild, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** Runs in the transaction that stored the watch's new state (and the alert); nothing while a rebuild catches up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean announce(SectorYear sectorYear, LoadBasis basis) {
        if (rebuild.inProgress()) {
            return false;
        }
        return compareAndAnnounce(sectorYear, basis);
    }

    /** After a rebuild: crossings the rebuilt watch is in that were never announced; cleared ones are noted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int announceAll() {
        List<WatchKey> all = jdbc.sql("""
                        select sector, watch_year, basis from mbi_watch
                        union select sector, watch_year, basis from announced_watch order by 2, 1, 3""")
                .query((rs, n) -> new WatchKey(new SectorYear(rs.getString(1), rs.getInt(2)), LoadBasis.valueOf(rs.getString(3))))
                .list();
        int announced = 0;
        for (WatchKey key : all) {
            if (compareAndAnnounce(key.sectorYear(), key.basis())) {
                announced++;
            }
        }
        return announced;
    }

    private boolean compareAndAnnounce(SectorYear sectorYear, LoadBasis basis) {
        boolean above = jdbc.sql("select above from mbi_watch where sector = ? and watch_year = ? and basis = ?")
                .params(sectorYear.sector(), sectorYear.year(), basis.name()).query(Boolean.class).optional().orElse(false);
        boolean announced = jdbc.sql("""
                        select above from announced_watch where sector = ? and watch_year = ? and basis = ? for update""")
                .params(sectorYear.sector(), sectorYear.year(), basis.name()).query(Boolean.class).optional().orElse(false);
        if (above == announced) {
            return false;
        }
        jdbc.sql("""
                        insert into announced_watch (sector, watch_year, basis, above) values (?, ?, ?, ?)
                        on conflict (sector, watch_year, basis) do update set above = excluded.above""")
                .params(sectorYear.sector(), sectorYear.year(), basis.name(), above).update();
        if (!above) {
            return false;
        }
        Alert alert = jdbc.sql("""
                        select load_cents, macro_budget_cents, share_basis_points, threshold_basis_points from mbi_alert
                        where sector = ? and alert_year = ? and basis = ? order by id desc limit 1""")
                .params(sectorYear.sector(), sectorYear.year(), basis.name())
                .query((rs, n) -> new Alert(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).single();
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("announced_alert|" + sectorYear.key()).query().listOfRows();
        long version = jdbc.sql("select coalesce(max(version), 0) + 1 from announced_alert where sector = ? and alert_year = ?")
                .params(sectorYear.sector(), sectorYear.year()).query(Long.class).single();
        jdbc.sql("""
                        insert into announced_alert (sector, alert_year, version, basis, load_cents, macro_budget_cents, announced_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(sectorYear.sector(), sectorYear.year(), version, basis.name(), alert.loadCents(),
                        alert.macroBudgetCents(), Timestamp.from(clock.instant()))
                .update();
        outbox.append(Topics.MACRO_BUDGET_ALERTS, sectorYear.key(), MacroBudgetAlertRaised.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setSector(sectorYear.sector())
                .setYear(sectorYear.year())
                .setVersion(version)
                .setMeasure(LoadMeasure.valueOf(basis.name()))
                .setLoadCents(alert.loadCents())
                .setMacroBudgetCents(alert.macroBudgetCents())
                .setLoadBasisPoints((int) Math.min(Integer.MAX_VALUE, alert.shareBasisPoints()))
                .setThresholdBasisPoints(alert.thresholdBasisPoints())
                .build());
        return true;
    }
}
