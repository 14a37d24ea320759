package nl.bdss.settlement.bankaccounts.application;

import java.time.Clock;
import java.util.Optional;
import nl.bdss.settlement.bankaccounts.domain.BankAccount;
import nl.bdss.settlement.bankaccounts.domain.HolderKind;
import nl.bdss.settlement.bankaccounts.domain.RegisteredAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers or changes a payee's or an insurer's account: the current row and its revision in the history, in one
 * transaction, serialised per holder (two instances changing one account at once make two revisions, never one lost).
 * The same account again changes nothing: no new revision.
 */
@Service
public class Registering {

    private final BankAccountStore store;
    private final Clock clock;

    public Registering(BankAccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public RegisteredAccount register(HolderKind kind, String holderCode, BankAccount account, String by) {
        Optional<RegisteredAccount> current = store.lock(kind, holderCode);
        if (current.isPresent() && current.get().account().equals(account)) {
            return current.get();
        }
        RegisteredAccount registered = current
                .map(c -> c.changedTo(account, clock.instant(), by))
                .orElseGet(() -> RegisteredAccount.first(kind, holderCode, account, clock.instant(), by));
        store.save(registered);
        return registered;
    }
}
