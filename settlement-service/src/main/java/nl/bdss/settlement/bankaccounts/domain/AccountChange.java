package nl.bdss.settlement.bankaccounts.domain;

import java.time.Instant;

/** One registration or change of an account, as kept for ever in {@code bank_account_change}: what, who, when. */
public record AccountChange(int revision, BankAccount account, Instant changedAt, String changedBy) {
}
