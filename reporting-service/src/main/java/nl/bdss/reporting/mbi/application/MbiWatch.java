package nl.bdss.reporting.mbi.application;

import java.time.Clock;
import java.util.Optional;
import nl.bdss.reporting.ReportingProperties;
import nl.bdss.reporting.downstream.application.AlertAnnouncements;
import nl.bdss.reporting.mbi.domain.Crossing;
import nl.bdss.reporting.mbi.domain.LoadBasis;
import nl.bdss.reporting.mbi.domain.LoadShare;
import nl.bdss.reporting.mbi.domain.Threshold;
import nl.bdss.reporting.sectorload.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The macro control instrument's watch (R21): after every change of a sector's load or macro budget, compares
 * the load with the threshold and stores an alert when it crosses it upwards, once per crossing; in the same
 * transaction the alert is announced to downstream systems (MacroBudgetAlertRaised).
 */
@Component
public class MbiWatch {

    private final JdbcClient jdbc;
    private final Threshold threshold;
    private final AlertAnnouncements announcements;
    private final Clock clock;

    MbiWatch(JdbcClient jdbc, ReportingProperties properties, AlertAnnouncements announcements, Clock clock) {
        this.jdbc = jdbc;
        this.announcements = announcements;
        this.threshold = new Threshold(properties.alertThresholdBasisPoints());
        this.clock = clock;
    }

    public Threshold threshold() {
        return threshold;
    }

    /** Runs inside the transaction of the change that may have moved the load. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Crossing evaluate(SectorYear sectorYear, LoadBasis basis, String cause) {
        long load = load(sectorYear, basis);
        Optional<Long> macroBudget = jdbc.sql("select amount_cents from macro_budget where sector = ? and budget_year = ?")
                .params(sectorYear.sector(), sectorYear.year())
                .query(Long.class).optional();
        boolean isAbove = macroBudget.map(budget -> new LoadShare(load, budget).reaches(threshold)).orElse(false);
        boolean wasAbove = jdbc.sql("select above from mbi_watch where sector = ? and watch_year = ? and basis = ? for update")
                .params(sectorYear.sector(), sectorYear.year(), basis.name())
                .query(Boolean.class).optional().orElse(false);
        Crossing crossing = Crossing.of(wasAbove, isAbove);
        if (crossing == Crossing.UNCHANGED) {
            announcements.announce(sectorYear, basis);
            return crossing;
        }
        jdbc.sql("""
                        insert into mbi_watch (sector, watch_year, basis, above) values (?, ?, ?, ?)
                        on conflict (sector, watch_year, basis) do update set above = excluded.above""")
                .params(sectorYear.sector(), sectorYear.year(), basis.name(), isAbove)
                .update();
        if (crossing == Crossing.RAISED) {
            long budget = macroBudget.orElseThrow();
            jdbc.sql("""
                            insert into mbi_alert (sector, alert_year, basis, load_cents, macro_budget_cents,
                                share_basis_points, threshold_basis_points, cause, raised_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(sectorYear.sector(), sectorYear.year(), basis.name(), load, budget,
                            new LoadShare(load, budget).basisPoints(), threshold.basisPoints(), cause,
                            java.sql.Timestamp.from(clock.instant()))
                    .update();
        }
        announcements.announce(sectorYear, basis);
        return crossing;
    }

    private long load(SectorYear sectorYear, LoadBasis basis) {
        String sql = basis == LoadBasis.SETTLED
                ? "select coalesce(sum(amount_cents), 0) from sector_load where sector = ? and load_year = ?"
                : "select coalesce(sum(amount_cents), 0) from committed_load where sector = ? and load_year = ?";
        return jdbc.sql(sql).params(sectorYear.sector(), sectorYear.year()).query(Long.class).single();
    }
}
