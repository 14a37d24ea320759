package nl.bdss.reporting.sectorload.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.reporting.mbi.domain.SectorYear;
import nl.bdss.reporting.sectorload.application.PublishedLoads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The loads in {@code sector_load} beside the last published ones in {@code published_sector_load}. */
@Repository
class JdbcPublishedLoads implements PublishedLoads {

    private final JdbcClient jdbc;

    JdbcPublishedLoads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SectorYear> sectorYears() {
        return jdbc.sql("""
                        select sector, load_year from sector_load union select sector, load_year from published_sector_load
                        order by 2, 1""")
                .query((rs, n) -> new SectorYear(rs.getString(1), rs.getInt(2))).list();
    }

    @Override
    public long total(SectorYear sectorYear) {
        return jdbc.sql("select coalesce(sum(amount_cents), 0) from sector_load where sector = ? and load_year = ?")
                .params(sectorYear.sector(), sectorYear.year()).query(Long.class).single();
    }

    @Override
    public Optional<Published> lockLastPublished(SectorYear sectorYear) {
        return jdbc.sql("""
                        select version, total_cents from published_sector_load where sector = ? and load_year = ? for update""")
                .params(sectorYear.sector(), sectorYear.year())
                .query((rs, n) -> new Published(rs.getLong(1), rs.getLong(2))).optional();
    }

    @Override
    public void recordPublished(SectorYear sectorYear, long version, long totalCents, Instant publishedAt) {
        jdbc.sql("""
                        insert into published_sector_load (sector, load_year, version, total_cents, published_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (sector, load_year) do update set version = excluded.version,
                            total_cents = excluded.total_cents, published_at = excluded.published_at""")
                .params(sectorYear.sector(), sectorYear.year(), version, totalCents, Timestamp.from(publishedAt))
                .update();
    }
}
