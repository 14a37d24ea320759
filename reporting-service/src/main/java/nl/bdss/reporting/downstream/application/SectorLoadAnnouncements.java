package nl.bdss.reporting.downstream.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.reporting.SectorLoadChanged;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.reporting.sectorload.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells downstream finance systems about sector-load changes (R17, R18) by comparing the read model with what
 * was last published, kept in {@code published_sector_load}, which a rebuild does not wipe. So versions never
 * restart, the delta is always relative to the last published total, and a rebuild of unchanged data publishes
 * nothing.
 */
@Component
public class SectorLoadAnnouncements {

    private record Published(long version, long totalCents) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final RebuildState rebuild;
    private final Clock clock;

    SectorLoadAnnouncements(JdbcClient jdbc, Outbox outbox, RebuildState rebuild, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** Publishes the sector-year's load if it differs from the last published; nothing while a rebuild catches up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean announce(SectorYear sectorYear, String cause) {
        if (rebuild.inProgress()) {
            return false;
        }
        return compareAndPublish(sectorYear, cause);
    }

    /** After a rebuild: every sector-year whose rebuilt total differs from the last published one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int announceAll(String cause) {
        List<SectorYear> all = jdbc.sql("""
                        select sector, load_year from sector_load union select sector, load_year from published_sector_load
                        order by 2, 1""")
                .query((rs, n) -> new SectorYear(rs.getString(1), rs.getInt(2))).list();
        int published = 0;
        for (SectorYear sectorYear : all) {
            if (compareAndPublish(sectorYear, cause)) {
                published++;
            }
        }
        return published;
    }

    private boolean compareAndPublish(SectorYear sectorYear, String cause) {
        long total = jdbc.sql("select coalesce(sum(amount_cents), 0) from sector_load where sector = ? and load_year = ?")
                .params(sectorYear.sector(), sectorYear.year()).query(Long.class).single();
        Optional<Published> last = jdbc.sql("""
                        select version, total_cents from published_sector_load where sector = ? and load_year = ? for update""")
                .params(sectorYear.sector(), sectorYear.year())
                .query((rs, n) -> new Published(rs.getLong(1), rs.getLong(2))).optional();
        long lastTotal = last.map(Published::totalCents).orElse(0L);
        if (total == lastTotal) {
            return false;
        }
        long version = last.map(Published::version).orElse(0L) + 1;
        jdbc.sql("""
                        insert into published_sector_load (sector, load_year, version, total_cents, published_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (sector, load_year) do update set version = excluded.version,
                            total_cents = excluded.total_cents, published_at = excluded.published_at""")
                .params(sectorYear.sector(), sectorYear.year(), version, total, Timestamp.from(clock.instant()))
                .update();
        outbox.append(Topics.SECTOR_LOADS, sectorYear.key(), SectorLoadChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setSector(sectorYear.sector())
                .setYear(sectorYear.year())
                .setVersion(version)
                .setTotalCents(total)
                .setDeltaCents(total - lastTotal)
                .setCause(cause)
                .build());
        return true;
    }
}
