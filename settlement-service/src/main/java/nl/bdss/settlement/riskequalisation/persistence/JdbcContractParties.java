package nl.bdss.settlement.riskequalisation.persistence;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.bdss.settlement.riskequalisation.application.ContractParties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The insurers of a contract in a year: those it settled with in the year, those its applied allocation has lines
 * for in the year, and those the applied allocation counted for the year (a PENDING year has no lines yet).
 */
@Repository
class JdbcContractParties implements ContractParties {

    private final JdbcClient jdbc;

    JdbcContractParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, SortedSet<String>> of(int year) {
        Map<String, SortedSet<String>> parties = new TreeMap<>();
        jdbc.sql("""
                select contract_id, uzovi from settlement_entry
                where period_start >= make_date(?, 1, 1) and period_start < make_date(? + 1, 1, 1)
                union
                select contract_id, uzovi from allocation_line
                where period_start >= make_date(?, 1, 1) and period_start < make_date(? + 1, 1, 1)
                union
                select c.contract_id, c.uzovi from allocation_service_area_count c
                join contract_allocation a on a.contract_id = c.contract_id and a.allocation_version = c.allocation_version
                where c.contract_year = ?
                   or (c.contract_year is null and extract(year from a.valid_from) <= ? and extract(year from a.valid_until) >= ?)""")
                .params(year, year, year, year, year, year, year)
                .query((rs, n) -> parties.computeIfAbsent(rs.getString(1), c -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        return parties;
    }
}
