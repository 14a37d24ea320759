package nl.bdss.settlement.bankaccounts.domain;

/**
 * Whose account it is: a payee's (a provider, by its AGB code: the account it is paid to) or an insurer's (by its
 * UZOVI code: the debtor account it pays from). Stored as {@code holder_kind} in {@code bank_account_change}.
 */
public enum HolderKind {
    PAYEE,
    INSURER
}
