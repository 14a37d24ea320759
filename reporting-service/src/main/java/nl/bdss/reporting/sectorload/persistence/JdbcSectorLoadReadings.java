package nl.bdss.reporting.sectorload.persistence;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings;
import nl.bdss.reporting.sectorload.domain.YearView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code sector_load}, {@code settlement_entry} and the macro budgets of a year; insurers filtered in SQL. In
 * the service-year view the entries count by {@code service_year}, in the booking-year view by {@code booking_year}.
 */
@Repository
class JdbcSectorLoadReadings implements SectorLoadReadings {

    private final JdbcClient jdbc;

    JdbcSectorLoadReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Settled> settled(int year) {
        Map<String, Settled> settled = new TreeMap<>();
        jdbc.sql("select sector, amount_cents, version from sector_load where load_year = ?").param(year)
                .query((rs, n) -> settled.put(rs.getString(1), new Settled(rs.getLong(2), rs.getLong(3)))).list();
        return settled;
    }

    @Override
    public Map<String, MacroFigure> macroBudgets(int year) {
        Map<String, MacroFigure> macro = new TreeMap<>();
        jdbc.sql("select sector, amount_cents, source, source_date from macro_budget where budget_year = ?").param(year)
                .query((rs, n) -> macro.put(rs.getString(1), new MacroFigure(rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class))))
                .list();
        return macro;
    }

    @Override
    public Map<String, Map<Integer, Long>> booked(int bookingYear) {
        Map<String, Map<Integer, Long>> booked = new TreeMap<>();
        jdbc.sql("""
                        select sector, service_year, sum(amount_cents) from settlement_entry where booking_year = ?
                        group by sector, service_year""")
                .param(bookingYear)
                .query((rs, n) -> booked.computeIfAbsent(rs.getString(1), key -> new TreeMap<>())
                        .put(rs.getInt(2), rs.getLong(3)))
                .list();
        return booked;
    }

    @Override
    public List<Integer> years() {
        return jdbc.sql("""
                        select load_year from sector_load union select booking_year from settlement_entry
                        union select load_year from committed_amount union select budget_year from macro_budget
                        order by 1""")
                .query(Integer.class).list();
    }

    /** The columns of a row per view: the service year's split, or the service year the booked amount belongs to. */
    private static String grouped(String by, YearView view) {
        return view == YearView.SERVICE ? """
                select %1$s, sector, null::int, sum(amount_cents),
                    coalesce(sum(amount_cents) filter (where booking_year = service_year), 0)::bigint,
                    coalesce(sum(amount_cents) filter (where booking_year > service_year), 0)::bigint
                from settlement_entry where service_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
                group by %1$s, sector order by %1$s, sector limit :limit offset :offset""".formatted(by)
                : """
                select %1$s, sector, service_year, sum(amount_cents), null::bigint, null::bigint
                from settlement_entry where booking_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
                group by %1$s, sector, service_year order by %1$s, sector, service_year
                limit :limit offset :offset""".formatted(by);
    }

    @Override
    public List<InsurerLoad> byInsurer(int year, YearView view, String onlyUzovi, long limit, long offset) {
        return jdbc.sql(grouped("uzovi", view))
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new InsurerLoad(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class),
                        rs.getLong(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class)))
                .list();
    }

    @Override
    public long insurerCount(int year, YearView view, String onlyUzovi) {
        return jdbc.sql(view == YearView.SERVICE ? """
                        select count(distinct (uzovi, sector)) from settlement_entry
                        where service_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)""" : """
                        select count(distinct (uzovi, sector, service_year)) from settlement_entry
                        where booking_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).query(Long.class).single();
    }

    @Override
    public List<ContractLoad> byContract(int year, YearView view, String onlyUzovi, int limit, long offset) {
        return jdbc.sql(grouped("contract_id", view))
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new ContractLoad(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class),
                        rs.getLong(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class)))
                .list();
    }

    @Override
    public List<PeriodSettlement> settlementsByPeriod(int year, String onlyUzovi, long limit, long offset) {
        return jdbc.sql("""
                        select period_start, period_end, sector, sum(amount_cents), count(*),
                            count(*) filter (where kind = 'CORRECTION')
                        from settlement_entry where service_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
                        group by period_start, period_end, sector order by period_start, period_end, sector
                        limit :limit offset :offset""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new PeriodSettlement(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    @Override
    public long periodCount(int year, String onlyUzovi) {
        return jdbc.sql("""
                        select count(distinct (period_start, period_end, sector)) from settlement_entry
                        where service_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).query(Long.class).single();
    }
}
