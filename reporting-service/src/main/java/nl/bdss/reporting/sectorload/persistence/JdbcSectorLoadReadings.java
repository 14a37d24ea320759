package nl.bdss.reporting.sectorload.persistence;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.sectorload.application.SectorLoadReadings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code sector_load}, {@code settlement_entry} and the macro budgets of a year; insurers filtered in SQL. */
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
    public List<Integer> years() {
        return jdbc.sql("""
                        select load_year from sector_load union select load_year from committed_amount
                        union select budget_year from macro_budget order by 1""")
                .query(Integer.class).list();
    }

    @Override
    public List<InsurerLoad> byInsurer(int year, String onlyUzovi, long limit, long offset) {
        return jdbc.sql("""
                        select uzovi, sector, sum(amount_cents) from settlement_entry
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
                        group by uzovi, sector order by uzovi, sector limit :limit offset :offset""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new InsurerLoad(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    @Override
    public long insurerCount(int year, String onlyUzovi) {
        return jdbc.sql("""
                        select count(distinct (uzovi, sector)) from settlement_entry
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).query(Long.class).single();
    }

    @Override
    public List<ContractLoad> byContract(int year, String onlyUzovi, int limit, long offset) {
        return jdbc.sql("""
                        select contract_id, sector, sum(amount_cents) from settlement_entry
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
                        group by contract_id, sector order by contract_id, sector limit :limit offset :offset""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new ContractLoad(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    @Override
    public List<PeriodSettlement> settlementsByPeriod(int year, String onlyUzovi, long limit, long offset) {
        return jdbc.sql("""
                        select period_start, period_end, sector, sum(amount_cents), count(*),
                            count(*) filter (where kind = 'CORRECTION')
                        from settlement_entry where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
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
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).query(Long.class).single();
    }
}
