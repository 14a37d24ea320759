package nl.bdss.reporting.sectorload.application;

import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.bdss.reporting.contracts.application.CommittedAmounts;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import nl.bdss.reporting.mbi.application.MbiWatch;
import nl.bdss.reporting.mbi.domain.LoadShare;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the sector loads of a year, with the committed projection and the macro budgets (R17, R18, R21). The committed
 * figures come from {@link CommittedAmounts}, as the NZa monitor's budgets do.
 */
@Service
@Transactional(readOnly = true)
public class SectorLoadQueries {

    public record SectorLoadView(String sector, long amountCents, long version, long committedCents,
            Long macroBudgetCents, Long loadShareBasisPoints, Long committedShareBasisPoints, String macroBudgetSource,
            LocalDate macroBudgetDate) {
    }

    public record DomainAmount(String domain, long committedCents) {
    }

    public record SectorLoads(int year, int alertThresholdBasisPoints, long totalCents, long committedCents,
            List<SectorLoadView> sectors, List<DomainAmount> otherDomains) {
    }

    public record InsurerLoad(String uzovi, String sector, long amountCents) {
    }

    public record ContractLoad(String contractId, String sector, long amountCents) {
    }

    public record PeriodSettlement(LocalDate periodStart, LocalDate periodEnd, String sector, long amountCents,
            long entries, long corrections) {
    }

    private record Settled(long amount, long version) {
    }

    private record Macro(long amount, String source, LocalDate date) {
    }

    private final JdbcClient jdbc;
    private final MbiWatch watch;
    private final CommittedAmounts committedAmounts;

    SectorLoadQueries(JdbcClient jdbc, MbiWatch watch, CommittedAmounts committedAmounts) {
        this.jdbc = jdbc;
        this.watch = watch;
        this.committedAmounts = committedAmounts;
    }

    public SectorLoads ofYear(int year) {
        Map<String, Settled> settled = new TreeMap<>();
        jdbc.sql("select sector, amount_cents, version from sector_load where load_year = ?").param(year)
                .query((rs, n) -> settled.put(rs.getString(1), new Settled(rs.getLong(2), rs.getLong(3)))).list();
        List<CommittedFigure> committedFigures = committedAmounts.ofYear(year);
        Map<String, Long> committed = new TreeMap<>();
        committedFigures.stream().filter(CommittedFigure::zvw)
                .forEach(figure -> committed.put(figure.sector(), figure.amountCents()));
        Map<String, Macro> macro = new TreeMap<>();
        jdbc.sql("select sector, amount_cents, source, source_date from macro_budget where budget_year = ?").param(year)
                .query((rs, n) -> macro.put(rs.getString(1), new Macro(rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class))))
                .list();
        TreeMap<String, Boolean> sectors = new TreeMap<>();
        settled.keySet().forEach(sector -> sectors.put(sector, true));
        committed.keySet().forEach(sector -> sectors.put(sector, true));
        macro.keySet().forEach(sector -> sectors.put(sector, true));
        List<SectorLoadView> views = sectors.keySet().stream().map(sector -> {
            Settled load = settled.getOrDefault(sector, new Settled(0, 0));
            long committedCents = committed.getOrDefault(sector, 0L);
            Macro budget = macro.get(sector);
            return new SectorLoadView(sector, load.amount(), load.version(), committedCents,
                    budget == null ? null : budget.amount(),
                    budget == null ? null : new LoadShare(load.amount(), budget.amount()).basisPoints(),
                    budget == null ? null : new LoadShare(committedCents, budget.amount()).basisPoints(),
                    budget == null ? null : budget.source(), budget == null ? null : budget.date());
        }).toList();
        List<DomainAmount> otherDomains = committedFigures.stream().filter(figure -> !figure.zvw())
                .map(figure -> new DomainAmount(figure.domain(), figure.amountCents())).toList();
        return new SectorLoads(year, watch.threshold().basisPoints(),
                views.stream().mapToLong(SectorLoadView::amountCents).sum(),
                views.stream().mapToLong(SectorLoadView::committedCents).sum(), views, otherDomains);
    }

    public List<Integer> years() {
        return jdbc.sql("""
                        select load_year from sector_load union select load_year from committed_amount
                        union select budget_year from macro_budget order by 1""")
                .query(Integer.class).list();
    }

    /**
     * The settled load per insurer and sector, {@code limit} rows from {@code offset}; with {@code onlyUzovi} (an
     * insurer's own, from its token) only that insurer's rows, else all.
     */
    public List<InsurerLoad> byInsurer(int year, String onlyUzovi, long limit, long offset) {
        return jdbc.sql("""
                        select uzovi, sector, sum(amount_cents) from settlement_entry
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
                        group by uzovi, sector order by uzovi, sector limit :limit offset :offset""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new InsurerLoad(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public long insurerCount(int year, String onlyUzovi) {
        return jdbc.sql("""
                        select count(distinct (uzovi, sector)) from settlement_entry
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).query(Long.class).single();
    }

    /**
     * The settled load per contract and sector; with {@code onlyUzovi} only that insurer's own lines, so only
     * contracts it is a party to and only its own share of them (the other insurers' shares follow from their
     * insured counts, which are theirs).
     */
    public List<ContractLoad> byContract(int year, String onlyUzovi, int page, int size) {
        return jdbc.sql("""
                        select contract_id, sector, sum(amount_cents) from settlement_entry
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)
                        group by contract_id, sector order by contract_id, sector limit :limit offset :offset""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new ContractLoad(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /**
     * The settled amounts per period and sector, {@code limit} rows from {@code offset}; with {@code onlyUzovi}
     * only that insurer's own lines.
     */
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

    public long periodCount(int year, String onlyUzovi) {
        return jdbc.sql("""
                        select count(distinct (period_start, period_end, sector)) from settlement_entry
                        where load_year = :year and (cast(:uzovi as varchar) is null or uzovi = :uzovi)""")
                .param("year", year).param("uzovi", onlyUzovi, Types.VARCHAR).query(Long.class).single();
    }
}
