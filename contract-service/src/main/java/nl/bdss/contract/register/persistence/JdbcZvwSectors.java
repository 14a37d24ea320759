package nl.bdss.contract.register.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.bdss.contract.register.application.ZvwSectors;
import nl.bdss.contract.register.domain.RegisteredZvwSector;
import nl.bdss.contract.register.domain.ZvwSector;
import nl.bdss.contract.register.domain.ZvwSectorRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Zvw sector register in table {@code zvw_sector}; read on every check, so no instance holds a stale copy. */
@Repository
class JdbcZvwSectors implements ZvwSectors {

    private static final String COLUMNS = "code, name, macro_budget_sector, valid_from, valid_until, updated_at, updated_by";

    private final JdbcClient jdbc;

    JdbcZvwSectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ZvwSectorRegister snapshot() {
        return ZvwSectorRegister.of(all().stream().map(StoredZvwSector::sector).toList());
    }

    @Override
    public List<StoredZvwSector> all() {
        return jdbc.sql("select " + COLUMNS + " from zvw_sector order by code").query(JdbcZvwSectors::row).list();
    }

    @Override
    public Optional<StoredZvwSector> find(ZvwSector sector) {
        return jdbc.sql("select " + COLUMNS + " from zvw_sector where code = ?").param(sector.code())
                .query(JdbcZvwSectors::row).optional();
    }

    @Override
    public void save(RegisteredZvwSector sector, Instant now, String updatedBy) {
        jdbc.sql("""
                insert into zvw_sector (code, name, macro_budget_sector, valid_from, valid_until, updated_at, updated_by)
                values (:code, :name, :macro, :validFrom, :validUntil, :now, :by)
                on conflict (code) do update set name = excluded.name, macro_budget_sector = excluded.macro_budget_sector,
                    valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("code", sector.sector().code())
                .param("name", sector.name())
                .param("macro", sector.macroBudgetSector())
                .param("validFrom", sector.validFrom())
                .param("validUntil", sector.validUntil())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("by", updatedBy)
                .update();
    }

    private static StoredZvwSector row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredZvwSector(new RegisteredZvwSector(new ZvwSector(rs.getString("code")), rs.getString("name"),
                rs.getBoolean("macro_budget_sector"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class)), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }
}
