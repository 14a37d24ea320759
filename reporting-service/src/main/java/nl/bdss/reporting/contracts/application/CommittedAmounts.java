package nl.bdss.reporting.contracts.application;

import java.util.List;
import nl.bdss.reporting.contracts.domain.CommittedFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the latest complete allocations commit in a year ({@code committed_amount}, written by
 * {@link AllocationProjection}). The committed sector load and the NZa monitor's budgets both read it here, so they
 * cannot disagree (R17, R20).
 */
@Component
public class CommittedAmounts {

    private final JdbcClient jdbc;

    CommittedAmounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per legal domain and Zvw sector, in domain and sector order. */
    @Transactional(readOnly = true)
    public List<CommittedFigure> ofYear(int year) {
        return jdbc.sql("""
                        select domain, sector, sum(amount_cents), count(*) filter (where amount_cents > 0)
                        from committed_amount where load_year = ? group by domain, sector order by domain, sector""")
                .param(year)
                .query((rs, n) -> new CommittedFigure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
