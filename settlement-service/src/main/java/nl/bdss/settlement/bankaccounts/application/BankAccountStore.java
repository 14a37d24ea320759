package nl.bdss.settlement.bankaccounts.application;

import java.util.List;
import java.util.Optional;
import nl.bdss.settlement.bankaccounts.domain.AccountChange;
import nl.bdss.settlement.bankaccounts.domain.HolderKind;
import nl.bdss.settlement.bankaccounts.domain.RegisteredAccount;

/**
 * The payees' and insurers' accounts: the current one per holder ({@code payee_bank_account} per AGB,
 * {@code insurer_bank_account} per UZOVI: the row is the account) and every change ({@code bank_account_change},
 * append-only).
 */
public interface BankAccountStore {

    /** The current account, serialising changes of the same holder for the rest of the transaction. */
    Optional<RegisteredAccount> lock(HolderKind kind, String holderCode);

    /** Makes {@code account} the current one and appends it, as its revision, to the holder's changes. */
    void save(RegisteredAccount account);

    /** The current account; empty when none is registered or the stored one is no longer a valid account. */
    Optional<RegisteredAccount> current(HolderKind kind, String holderCode);

    /** Every registration and change of the holder's account, oldest first. */
    List<AccountChange> history(HolderKind kind, String holderCode);
}
