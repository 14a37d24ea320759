package nl.bdss.settlement.bankaccounts.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The current account of a payee or an insurer: its revision (1 for the first registration, one more for every
 * change), who changed it last and when.
 *
 * @param holderCode the payee's AGB code or the insurer's UZOVI code
 */
public record RegisteredAccount(HolderKind kind, String holderCode, BankAccount account, int revision,
        Instant updatedAt, String updatedBy) {

    public RegisteredAccount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holderCode, "holderCode");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (revision < 1) {
            throw new IllegalArgumentException("a revision starts at 1, was " + revision);
        }
    }

    /** The account after a change to {@code changed}: the next revision, by whom and when. */
    public RegisteredAccount changedTo(BankAccount changed, Instant at, String by) {
        return new RegisteredAccount(kind, holderCode, changed, revision + 1, at, by);
    }

    /** The first registration of an account. */
    public static RegisteredAccount first(HolderKind kind, String holderCode, BankAccount account, Instant at,
            String by) {
        return new RegisteredAccount(kind, holderCode, account, 1, at, by);
    }
}
