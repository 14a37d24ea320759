package nl.bdss.reporting.contracts.persistence;

import java.util.List;
import nl.bdss.reporting.contracts.application.CommittedAmountReadings;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums {@code committed_amount} per domain and sector. */
@Repository
class JdbcCommittedAmountReadings implements CommittedAmountReadings {

    private final JdbcClient jdbc;

    JdbcCommittedAmountReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CommittedFigure> ofYear(int year) {
        return jdbc.sql("""
                        select domain, sector, sum(amount_cents), count(*) filter (where amount_cents > 0)
                        from committed_amount where load_year = ? group by domain, sector order by domain, sector""")
                .param(year)
                .query((rs, n) -> new CommittedFigure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
