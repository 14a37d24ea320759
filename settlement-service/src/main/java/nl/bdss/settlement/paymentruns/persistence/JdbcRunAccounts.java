package nl.bdss.settlement.paymentruns.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.bdss.kernel.identity.Iban;
import nl.bdss.settlement.paymentruns.application.RunAccounts;
import nl.bdss.settlement.paymentruns.domain.BankAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The current accounts, read from the bank-account tables. An IBAN there was checked when it was registered; a row
 * that does not pass the kernel's IBAN rule (any more) counts as no valid account, as for the bank-account port.
 */
@Repository
class JdbcRunAccounts implements RunAccounts {

    private final JdbcClient jdbc;

    JdbcRunAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BankAccount> debtor(String uzovi) {
        return jdbc.sql("select iban, bic, account_holder from insurer_bank_account where uzovi = ?").param(uzovi)
                .query((rs, n) -> new BankAccount(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .filter(account -> Iban.isValid(account.iban()));
    }

    @Override
    public Map<String, BankAccount> payees(Collection<String> agbs) {
        Map<String, BankAccount> accounts = new HashMap<>();
        if (agbs.isEmpty()) {
            return accounts;
        }
        jdbc.sql("select agb, iban, bic, account_holder from payee_bank_account where agb = any(cast(? as varchar[]))")
                .param(Arrays.literal(agbs))
                .query(rs -> {
                    if (Iban.isValid(rs.getString(2))) {
                        accounts.put(rs.getString(1), new BankAccount(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                });
        return accounts;
    }
}
