package nl.bdss.reporting.mbi.persistence;

import nl.bdss.reporting.mbi.application.CommittedLoadStore;
import nl.bdss.reporting.mbi.domain.SectorYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The running total in {@code committed_load}. */
@Repository
class JdbcCommittedLoadStore implements CommittedLoadStore {

    private final JdbcClient jdbc;

    JdbcCommittedLoadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(SectorYear sectorYear, long deltaCents) {
        jdbc.sql("""
                        insert into committed_load (sector, load_year, amount_cents) values (?, ?, ?)
                        on conflict (sector, load_year) do update
                            set amount_cents = committed_load.amount_cents + excluded.amount_cents""")
                .params(sectorYear.sector(), sectorYear.year(), deltaCents)
                .update();
    }
}
