package nl.bdss.settlement.riskequalisation.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import nl.bdss.settlement.riskequalisation.application.YearAttributionStore;
import nl.bdss.settlement.riskequalisation.domain.ChoiceStatus;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
import nl.bdss.settlement.riskequalisation.domain.SectorShare;
import nl.bdss.settlement.riskequalisation.domain.YearAttribution;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored attribution in {@code risk_equalisation_attribution} and {@code _part}, the stale marks in
 * {@code risk_equalisation_stale} (a booking adds its own by trigger, in its transaction), and the settled sums
 * read from the immutable {@code settlement_entry}: a period belongs to the year it starts in.
 */
@Repository
class JdbcYearAttributions implements YearAttributionStore {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    JdbcYearAttributions(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    public boolean lock(String uzovi, int year, boolean wait) {
        String key = uzovi + "|" + year;
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('bdss-r19-attribution'), hashtext(?))").param(key)
                    .query((rs, n) -> 1).list();
            return true;
        }
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtext('bdss-r19-attribution'), hashtext(?))").param(key)
                .query(Boolean.class).single();
    }

    @Override
    public OptionalLong staleThrough(String uzovi, int year) {
        Long through = jdbc.sql("select max(id) from risk_equalisation_stale where uzovi = ? and service_year = ?")
                .params(uzovi, year).query(Long.class).optional().orElse(null);
        return through == null ? OptionalLong.empty() : OptionalLong.of(through);
    }

    @Override
    public List<InsurerYear> stale(String uzovi, Integer year, int limit) {
        return jdbc.sql("""
                select distinct uzovi, service_year from risk_equalisation_stale
                where (cast(? as char(4)) is null or uzovi = ?) and (cast(? as int) is null or service_year = ?)
                order by service_year, uzovi limit ?""")
                .params(uzovi, uzovi, year, year, limit)
                .query((rs, n) -> new InsurerYear(rs.getString(1), rs.getInt(2)))
                .list();
    }

    @Override
    public void markStale(String uzovi, int year) {
        jdbc.sql("insert into risk_equalisation_stale (uzovi, service_year) values (?, ?)").params(uzovi, year).update();
    }

    @Override
    public void clearStale(String uzovi, int year, long through) {
        jdbc.sql("delete from risk_equalisation_stale where uzovi = ? and service_year = ? and id <= ?")
                .params(uzovi, year, through).update();
    }

    @Override
    public Settled settled(String uzovi, int year) {
        long[] entries = {0};
        List<SectorShare> shares = jdbc.sql("""
                select sector, contract_id, allocation_version, sum(amount_cents), count(*) from settlement_entry
                where uzovi = ? and period_start >= make_date(?, 1, 1) and period_start < make_date(? + 1, 1, 1)
                group by sector, contract_id, allocation_version order by sector, contract_id, allocation_version""")
                .params(uzovi, year, year)
                .query((rs, n) -> {
                    entries[0] += rs.getLong(5);
                    return new SectorShare(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), Map.of());
                })
                .list();
        return new Settled(entries[0], shares);
    }

    @Override
    public void replace(YearAttribution attribution, Instant computedAt) {
        jdbc.sql("delete from risk_equalisation_attribution where uzovi = ? and service_year = ?")
                .params(attribution.insurer(), attribution.year()).update();
        jdbc.sql("""
                insert into risk_equalisation_attribution (uzovi, service_year, distribution_key, choice_status,
                    justification, entry_count, settled_cents, computed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(attribution.insurer(), attribution.year(), attribution.key().name(),
                        attribution.choiceStatus() == null ? null : attribution.choiceStatus().name(),
                        attribution.justification(), attribution.entryCount(), attribution.settledCents(),
                        Timestamp.from(computedAt))
                .update();
        List<Object[]> parts = new ArrayList<>();
        for (YearAttribution.Sector sector : attribution.sectors()) {
            for (YearAttribution.Part part : sector.parts()) {
                parts.add(new Object[] {attribution.insurer(), attribution.year(), sector.sector(), part.category(),
                    part.insuredCount(), part.amountCents(), part.justification()});
            }
        }
        if (!parts.isEmpty()) {
            batches.batchUpdate("""
                    insert into risk_equalisation_attribution_part (uzovi, service_year, sector, part, insured_count,
                        amount_cents, justification) values (?, ?, ?, ?, ?, ?, ?)""", parts);
        }
    }

    /** A sector's settled amount is the sum of its parts (they add up exactly by construction, R19). */
    @Override
    public List<Stored> find(String uzovi, int year) {
        record Header(String uzovi, DistributionKey key, ChoiceStatus status, String justification, long entries,
                Instant computedAt) {
        }
        Map<String, Header> headers = new LinkedHashMap<>();
        jdbc.sql("""
                select uzovi, distribution_key, choice_status, justification, entry_count, computed_at
                from risk_equalisation_attribution
                where service_year = ? and (cast(? as char(4)) is null or uzovi = ?) order by uzovi""")
                .params(year, uzovi, uzovi)
                .query((rs, n) -> headers.put(rs.getString(1), new Header(rs.getString(1),
                        DistributionKey.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : ChoiceStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant())))
                .list();
        Map<String, Map<String, List<YearAttribution.Part>>> parts = new LinkedHashMap<>();
        jdbc.sql("""
                select uzovi, sector, part, insured_count, amount_cents, justification
                from risk_equalisation_attribution_part
                where service_year = ? and (cast(? as char(4)) is null or uzovi = ?)
                order by uzovi, sector, part = 'UNCOUNTED', part""")
                .params(year, uzovi, uzovi)
                .query((rs, n) -> {
                    long count = rs.getLong(4);
                    Long insuredCount = rs.wasNull() ? null : count;
                    return parts.computeIfAbsent(rs.getString(1), u -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), s -> new ArrayList<>())
                            .add(new YearAttribution.Part(rs.getString(3), insuredCount, rs.getLong(5), rs.getString(6)));
                })
                .list();
        return headers.values().stream().map(h -> {
            List<YearAttribution.Sector> sectors = new ArrayList<>();
            parts.getOrDefault(h.uzovi(), Map.of()).forEach((sector, ofSector) -> sectors.add(new YearAttribution.Sector(
                    sector, ofSector.stream().mapToLong(YearAttribution.Part::amountCents).sum(), ofSector)));
            return new Stored(new YearAttribution(h.uzovi(), year, h.key(), h.status(), h.justification(), h.entries(),
                    sectors), h.computedAt());
        }).toList();
    }
}
