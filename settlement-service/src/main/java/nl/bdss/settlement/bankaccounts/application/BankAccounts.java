package nl.bdss.settlement.bankaccounts.application;

import java.util.List;
import java.util.Optional;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.bankaccounts.domain.AccountChange;
import nl.bdss.settlement.bankaccounts.domain.HolderKind;
import nl.bdss.settlement.bankaccounts.domain.RegisteredAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts money is paid to and from, for other code ({@link #payee}, {@link #insurer}: the current valid account
 * or empty, so a payee without one is not paid) and as a caller may see them: a provider its own, an insurer a payee's
 * only when it pays that payee (else not found, exactly as for a payee without an account), an operator every one.
 * Whether an insurer may read an insurer's account (its own only) is decided at the edge, as a 403.
 *
 * <p>Tables for code that reads them directly: {@code payee_bank_account} (key {@code agb}) and
 * {@code insurer_bank_account} (key {@code uzovi}) hold one row per holder, and that row is the current account
 * ({@code iban} electronic form, upper case without spaces; {@code bic} or null; {@code account_holder}; its
 * {@code revision}); only valid accounts are ever stored. {@code bank_account_change} holds every revision of both.
 */
@Service
public class BankAccounts {

    private final BankAccountStore store;
    private final Payers payers;

    public BankAccounts(BankAccountStore store, Payers payers) {
        this.store = store;
        this.payers = payers;
    }

    /** The payee's current account; empty when it has registered none (it cannot be paid then). */
    @Transactional(readOnly = true)
    public Optional<RegisteredAccount> payee(AgbCode agb) {
        return store.current(HolderKind.PAYEE, agb.code());
    }

    /** The insurer's current debtor account; empty when it has registered none. */
    @Transactional(readOnly = true)
    public Optional<RegisteredAccount> insurer(Uzovi uzovi) {
        return store.current(HolderKind.INSURER, uzovi.code());
    }

    /** The payee's account as {@code caller} may see it; not found when there is none or it is not the caller's. */
    @Transactional(readOnly = true)
    public RegisteredAccount payeeSeenBy(String agb, Caller caller) {
        if (!maySeePayee(agb, caller)) {
            throw notFound(HolderKind.PAYEE, agb);
        }
        return store.current(HolderKind.PAYEE, agb).orElseThrow(() -> notFound(HolderKind.PAYEE, agb));
    }

    /** Every revision of the payee's account: the provider itself and operators (an insurer is refused at the edge). */
    @Transactional(readOnly = true)
    public List<AccountChange> payeeHistorySeenBy(String agb, Caller caller) {
        if (!caller.operator() && !caller.isPayee(agb)) {
            throw notFound(HolderKind.PAYEE, agb);
        }
        return history(HolderKind.PAYEE, agb);
    }

    /** The insurer's account: the caller is the insurer itself or an operator (checked at the edge). */
    @Transactional(readOnly = true)
    public RegisteredAccount insurerAccount(String uzovi) {
        return store.current(HolderKind.INSURER, uzovi).orElseThrow(() -> notFound(HolderKind.INSURER, uzovi));
    }

    @Transactional(readOnly = true)
    public List<AccountChange> insurerHistory(String uzovi) {
        return history(HolderKind.INSURER, uzovi);
    }

    private List<AccountChange> history(HolderKind kind, String code) {
        List<AccountChange> history = store.history(kind, code);
        if (history.isEmpty()) {
            throw notFound(kind, code);
        }
        return history;
    }

    private boolean maySeePayee(String agb, Caller caller) {
        if (caller.agb().isPresent()) {
            return caller.isPayee(agb);
        }
        return caller.uzovi().map(uzovi -> payers.pays(uzovi, agb)).orElse(true);
    }

    public static Refusal notFound(HolderKind kind, String code) {
        return Refusal.notFound("bank-account-not-found", "Bank account not found", kind == HolderKind.PAYEE
                ? "No bank account for payee AGB " + code : "No bank account for insurer UZOVI " + code);
    }
}
