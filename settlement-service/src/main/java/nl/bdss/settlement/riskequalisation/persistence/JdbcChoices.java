package nl.bdss.settlement.riskequalisation.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.bdss.settlement.riskequalisation.application.ChoiceStore;
import nl.bdss.settlement.riskequalisation.domain.ChoiceStatus;
import nl.bdss.settlement.riskequalisation.domain.DistributionChoice;
import nl.bdss.settlement.riskequalisation.domain.DistributionKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Choices in {@code risk_equalisation_choice}, their history in {@code risk_equalisation_choice_change}. */
@Repository
class JdbcChoices implements ChoiceStore {

    private static final String COLUMNS = """
            uzovi, service_year, distribution_key, justification, status, approved_on, revision, recorded_by, recorded_at""";

    private final JdbcClient jdbc;

    JdbcChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An advisory lock per (insurer, year): it also serialises the first choice, which has no row to lock yet. */
    @Override
    public Optional<Recorded> lock(String uzovi, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('bdss-r19-choice'), hashtext(? || '|' || ?))")
                .params(uzovi, Integer.toString(year)).query((rs, n) -> 1).list();
        return find(uzovi, year).stream().findFirst();
    }

    @Override
    public void save(Recorded recorded, Change change) {
        DistributionChoice choice = recorded.choice();
        jdbc.sql("""
                insert into risk_equalisation_choice (%s) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (uzovi, service_year) do update set distribution_key = excluded.distribution_key,
                    justification = excluded.justification, status = excluded.status,
                    approved_on = excluded.approved_on, revision = excluded.revision,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""".formatted(COLUMNS))
                .params(choice.insurer(), choice.year(), choice.key().name(), choice.justification(),
                        choice.status().name(), date(choice.approvedOn()), recorded.revision(), recorded.recordedBy(),
                        Timestamp.from(recorded.recordedAt()))
                .update();
        DistributionChoice before = change.before();
        jdbc.sql("""
                insert into risk_equalisation_choice_change (uzovi, service_year, revision, changed_by, changed_at,
                    before_key, before_justification, before_status, before_approved_on,
                    after_key, after_justification, after_status, after_approved_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(choice.insurer(), choice.year(), change.revision(), change.changedBy(),
                        Timestamp.from(change.changedAt()),
                        before == null ? null : before.key().name(), before == null ? null : before.justification(),
                        before == null ? null : before.status().name(), before == null ? null : date(before.approvedOn()),
                        choice.key().name(), choice.justification(), choice.status().name(), date(choice.approvedOn()))
                .update();
    }

    @Override
    public List<Recorded> find(String uzovi, Integer year) {
        return jdbc.sql("""
                select %s from risk_equalisation_choice
                where (cast(? as char(4)) is null or uzovi = ?) and (cast(? as int) is null or service_year = ?)
                order by service_year, uzovi""".formatted(COLUMNS))
                .params(uzovi, uzovi, year, year)
                .query((rs, n) -> new Recorded(choice(rs, rs.getString(1), rs.getInt(2), 3), rs.getInt(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    @Override
    public List<Change> history(String uzovi, int year) {
        return jdbc.sql("""
                select revision, changed_by, changed_at,
                       before_key, before_justification, before_status, before_approved_on,
                       after_key, after_justification, after_status, after_approved_on
                from risk_equalisation_choice_change where uzovi = ? and service_year = ? order by revision""")
                .params(uzovi, year)
                .query((rs, n) -> new Change(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4) == null ? null : choice(rs, uzovi, year, 4), choice(rs, uzovi, year, 8)))
                .list();
    }

    @Override
    public Map<String, DistributionKey> keysOf(Collection<String> uzovis, int year) {
        Map<String, DistributionKey> keys = new TreeMap<>();
        if (uzovis.isEmpty()) {
            return keys;
        }
        jdbc.sql("""
                select uzovi, distribution_key from risk_equalisation_choice
                where service_year = ? and uzovi = any(?)""")
                .params(year, uzovis.toArray(String[]::new))
                .query((rs, n) -> keys.put(rs.getString(1), DistributionKey.valueOf(rs.getString(2))))
                .list();
        return keys;
    }

    /** The choice in the four columns from {@code first}: key, justification, status, approved on. */
    private static DistributionChoice choice(ResultSet rs, String uzovi, int year, int first) throws SQLException {
        Date approvedOn = rs.getDate(first + 3);
        return new DistributionChoice(uzovi, year, DistributionKey.valueOf(rs.getString(first)), rs.getString(first + 1),
                ChoiceStatus.valueOf(rs.getString(first + 2)), approvedOn == null ? null : approvedOn.toLocalDate());
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
