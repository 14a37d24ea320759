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

    /** The contracts that move the sector-year's settled or committed load (a net amount that is not zero). */
    private static final String SETTLED_CONTRACTS = """
            select contract_id from settlement_entry where sector = ? and service_year = ?
            group by contract_id having sum(amount_cents) <> 0""";
    private static final String COMMITTED_CONTRACTS = """
            select distinct contract_id from committed_amount
            where domain = 'ZVW' and sector = ? and load_year = ? and amount_cents <> 0""";

    /** Stores the alert with the contracts its load rests on at this moment, in the same transaction. */
    @Override
    public void raise(SectorYear sectorYear, LoadBasis basis, LoadShare share, Threshold threshold, String cause,
            Instant raisedAt) {
        jdbc.sql("""
                        insert into mbi_alert (sector, alert_year, basis, load_cents, macro_budget_cents,
                            share_basis_points, threshold_basis_points, cause, raised_at, contract_ids)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?,
                            (select coalesce(array_agg(c.contract_id order by c.contract_id), '{}') from ("""
                        + (basis == LoadBasis.SETTLED ? SETTLED_CONTRACTS : COMMITTED_CONTRACTS) + ") c))")
                .params(sectorYear.sector(), sectorYear.year(), basis.name(), share.loadCents(), share.macroBudgetCents(),
                        share.basisPoints(), threshold.basisPoints(), cause, Timestamp.from(raisedAt),
                        sectorYear.sector(), sectorYear.year())
                .update();
    }
}
