package nl.bdss.reporting.privacy.persistence;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.bdss.reporting.privacy.application.CellContracts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads which contracts each figure rests on from {@code settlement_entry}, {@code committed_amount} and the rest. */
@Repository
class JdbcCellContracts implements CellContracts {

    private final JdbcClient jdbc;

    JdbcCellContracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> ofInsurer(String uzovi) {
        return new HashSet<>(jdbc.sql("select contract_id from contract_view where ? = any(insurers)")
                .param(uzovi).query(String.class).list());
    }

    @Override
    public Map<String, Set<String>> settledPerSector(int year) {
        return grouped(jdbc.sql("""
                select sector, contract_id from settlement_entry where service_year = ?
                group by sector, contract_id having sum(amount_cents) <> 0""").param(year));
    }

    @Override
    public Map<String, Set<String>> atClosePerSector(int serviceYear) {
        return grouped(jdbc.sql("""
                select sector, contract_id from settlement_entry where service_year = ? and booking_year = service_year
                group by sector, contract_id having sum(amount_cents) <> 0""").param(serviceYear));
    }

    @Override
    public Map<String, Set<String>> laterCorrectionsPerSector(int serviceYear) {
        return grouped(jdbc.sql("""
                select sector, contract_id from settlement_entry where service_year = ? and booking_year > service_year
                group by sector, contract_id having sum(amount_cents) <> 0""").param(serviceYear));
    }

    @Override
    public Map<String, Set<String>> bookedPerSector(int bookingYear) {
        return grouped(jdbc.sql("""
                select sector, contract_id from settlement_entry where booking_year = ?
                group by sector, contract_id having sum(amount_cents) <> 0""").param(bookingYear));
    }

    @Override
    public Map<String, Map<Integer, Set<String>>> bookedPerSectorAndServiceYear(int bookingYear) {
        Map<String, Map<Integer, Set<String>>> cells = new TreeMap<>();
        jdbc.sql("""
                        select sector, service_year, contract_id from settlement_entry where booking_year = ?
                        group by sector, service_year, contract_id having sum(amount_cents) <> 0""")
                .param(bookingYear)
                .query((rs, n) -> cells.computeIfAbsent(rs.getString(1), key -> new TreeMap<>())
                        .computeIfAbsent(rs.getInt(2), key -> new HashSet<>()).add(rs.getString(3)))
                .list();
        return cells;
    }

    @Override
    public Map<String, Set<String>> committedPerSector(int year) {
        return grouped(jdbc.sql("""
                select sector, contract_id from committed_amount
                where load_year = ? and domain = 'ZVW' and amount_cents <> 0""").param(year));
    }

    @Override
    public Map<String, Set<String>> committedPerOtherDomain(int year) {
        return grouped(jdbc.sql("""
                select domain, contract_id from committed_amount
                where load_year = ? and domain <> 'ZVW' and amount_cents <> 0""").param(year));
    }

    @Override
    public Set<String> unfunded(int year) {
        return new HashSet<>(jdbc.sql("select contract_id from unfunded_amount where budget_year = ?")
                .param(year).query(String.class).list());
    }

    @Override
    public Set<String> allocated(int year) {
        return new HashSet<>(jdbc.sql("""
                select contract_id from committed_amount where load_year = :year and amount_cents > 0
                union select contract_id from unfunded_amount where budget_year = :year""")
                .param("year", year).query(String.class).list());
    }

    private static Map<String, Set<String>> grouped(JdbcClient.StatementSpec statement) {
        Map<String, Set<String>> cells = new TreeMap<>();
        statement.query((rs, n) -> cells.computeIfAbsent(rs.getString(1), key -> new HashSet<>()).add(rs.getString(2)))
                .list();
        return cells;
    }
}
