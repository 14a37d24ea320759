package nl.bdss.settlement.riskequalisation.persistence;

import java.util.List;
import java.util.Map;
import nl.bdss.settlement.riskequalisation.application.SettledShares;
import nl.bdss.settlement.riskequalisation.domain.SettledShare;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums the immutable settlement entries per (contract, allocation version) on request. */
@Repository
class JdbcSettledShares implements SettledShares {

    private final JdbcClient jdbc;

    JdbcSettledShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SettledShare> of(String uzovi, int year) {
        return jdbc.sql("""
                select contract_id, allocation_version, sum(amount_cents) from settlement_entry
                where uzovi = ? and extract(year from period_start) = ?
                group by contract_id, allocation_version order by contract_id, allocation_version""")
                .params(uzovi, year)
                .query((rs, n) -> new SettledShare(rs.getString(1), rs.getInt(2), rs.getLong(3), Map.of()))
                .list();
    }
}
