package nl.bdss.reporting.region.persistence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.reporting.region.application.RegionLoadReadings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code settlement_entry}, {@code committed_amount} and the service areas in {@code contract_view}. */
@Repository
class JdbcRegionLoadReadings implements RegionLoadReadings {

    private final JdbcClient jdbc;

    JdbcRegionLoadReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> settledPerContract(int year) {
        Map<String, Long> settled = new HashMap<>();
        jdbc.sql("select contract_id, sum(amount_cents) from settlement_entry where service_year = ? group by contract_id")
                .param(year).query((rs, n) -> settled.put(rs.getString(1), rs.getLong(2))).list();
        return settled;
    }

    @Override
    public Map<String, Long> committedZvwPerContract(int year) {
        Map<String, Long> committed = new HashMap<>();
        jdbc.sql("""
                        select contract_id, sum(amount_cents) from committed_amount where load_year = ? and domain = 'ZVW'
                        group by contract_id""")
                .param(year).query((rs, n) -> committed.put(rs.getString(1), rs.getLong(2))).list();
        return committed;
    }

    @Override
    public Map<String, List<String>> serviceAreas() {
        Map<String, List<String>> serviceAreas = new HashMap<>();
        jdbc.sql("select contract_id, service_area from contract_view")
                .query((rs, n) -> serviceAreas.put(rs.getString(1), Arrays.asList((String[]) rs.getArray(2).getArray())))
                .list();
        return serviceAreas;
    }
}
