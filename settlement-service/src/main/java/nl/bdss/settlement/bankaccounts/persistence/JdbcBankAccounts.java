package nl.bdss.settlement.bankaccounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.bdss.settlement.bankaccounts.application.BankAccountStore;
import nl.bdss.settlement.bankaccounts.domain.AccountChange;
import nl.bdss.settlement.bankaccounts.domain.BankAccount;
import nl.bdss.settlement.bankaccounts.domain.HolderKind;
import nl.bdss.settlement.bankaccounts.domain.RegisteredAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts in {@code payee_bank_account} (per AGB) and {@code insurer_bank_account} (per UZOVI), one row per holder
 * that is its current account, and every revision of both in {@code bank_account_change} (append-only by trigger).
 * The IBAN is stored in its electronic form.
 */
@Repository
class JdbcBankAccounts implements BankAccountStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcBankAccounts.class);

    private final JdbcClient jdbc;

    JdbcBankAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An advisory lock per holder: it also serialises the first registration, which has no row to lock yet. */
    @Override
    public Optional<RegisteredAccount> lock(HolderKind kind, String holderCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('bdss-bank-account'), hashtext(? || '|' || ?))")
                .params(kind.name(), holderCode).query((rs, n) -> 1).list();
        return current(kind, holderCode);
    }

    @Override
    public void save(RegisteredAccount account) {
        BankAccount bank = account.account();
        String bic = bank.bic() == null ? null : bank.bic().value();
        Timestamp at = Timestamp.from(account.updatedAt());
        jdbc.sql("""
                insert into %1$s (%2$s, iban, bic, account_holder, revision, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (%2$s) do update set iban = excluded.iban, bic = excluded.bic,
                    account_holder = excluded.account_holder, revision = excluded.revision,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""".formatted(
                        table(account.kind()), key(account.kind())))
                .params(account.holderCode(), bank.iban().value(), bic, bank.accountHolder(), account.revision(), at,
                        account.updatedBy())
                .update();
        jdbc.sql("""
                insert into bank_account_change (holder_kind, holder_code, revision, iban, bic, account_holder,
                    changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.kind().name(), account.holderCode(), account.revision(), bank.iban().value(), bic,
                        bank.accountHolder(), at, account.updatedBy())
                .update();
    }

    @Override
    public Optional<RegisteredAccount> current(HolderKind kind, String holderCode) {
        return jdbc.sql("""
                select iban, bic, account_holder, revision, updated_at, updated_by from %s where %s = ?"""
                        .formatted(table(kind), key(kind)))
                .param(holderCode)
                .query((rs, n) -> {
                    int revision = rs.getInt("revision");
                    Instant at = rs.getTimestamp("updated_at").toInstant();
                    String by = rs.getString("updated_by");
                    return account(rs, kind, holderCode)
                            .map(account -> new RegisteredAccount(kind, holderCode, account, revision, at, by));
                })
                .optional()
                .flatMap(found -> found);
    }

    @Override
    public List<AccountChange> history(HolderKind kind, String holderCode) {
        return jdbc.sql("""
                select iban, bic, account_holder, revision, changed_at, changed_by from bank_account_change
                where holder_kind = ? and holder_code = ? order by revision""")
                .params(kind.name(), holderCode)
                .query((rs, n) -> {
                    int revision = rs.getInt("revision");
                    Instant at = rs.getTimestamp("changed_at").toInstant();
                    String by = rs.getString("changed_by");
                    return account(rs, kind, holderCode).map(account -> new AccountChange(revision, account, at, by));
                })
                .list().stream().flatMap(Optional::stream).toList();
    }

    /** The row's account; empty (and logged) for a row that is no valid account, which the service never stores. */
    private static Optional<BankAccount> account(ResultSet rs, HolderKind kind, String holderCode) throws SQLException {
        try {
            return Optional.of(BankAccount.of(rs.getString("iban"), rs.getString("bic"), rs.getString("account_holder")));
        } catch (IllegalArgumentException e) {
            log.warn("The stored bank account of {} {} is not a valid account: {}", kind, holderCode, e.getMessage());
            return Optional.empty();
        }
    }

    private static String table(HolderKind kind) {
        return kind == HolderKind.PAYEE ? "payee_bank_account" : "insurer_bank_account";
    }

    private static String key(HolderKind kind) {
        return kind == HolderKind.PAYEE ? "agb" : "uzovi";
    }
}
