package nl.bdss.settlement.bankaccounts.persistence;

import nl.bdss.settlement.bankaccounts.application.Payers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether an insurer pays a payee: a line of an applied allocation ({@code allocation_line}) or a booked entry
 * ({@code settlement_entry}) has that insurer paying that payee. An entry counts after the contract has changed too:
 * its corrections and payments still go to that account.
 */
@Repository
class JdbcPayers implements Payers {

    private final JdbcClient jdbc;

    JdbcPayers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean pays(String uzovi, String agb) {
        return jdbc.sql("""
                select exists (select 1 from allocation_line where payee_agb = ? and uzovi = ?)
                    or exists (select 1 from settlement_entry where payee_agb = ? and uzovi = ?)""")
                .params(agb, uzovi, agb, uzovi)
                .query(Boolean.class).single();
    }
}
