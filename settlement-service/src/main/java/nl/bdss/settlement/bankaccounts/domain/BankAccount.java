package nl.bdss.settlement.bankaccounts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.bdss.kernel.identity.Bic;
import nl.bdss.kernel.identity.Iban;

/**
 * A bank account money is paid to or from: its IBAN (the kernel's rule), optionally the bank's BIC (within SEPA the
 * IBAN is enough) and the account holder's name as the bank will show it, 1 to {@value #MAX_HOLDER_LENGTH}
 * characters (SEPA's limit for a name), without control characters.
 */
public record BankAccount(Iban iban, Bic bic, String accountHolder) {

    /** SEPA's longest name of a creditor or debtor. */
    public static final int MAX_HOLDER_LENGTH = 140;

    /** One request field that breaks its rule. */
    public record FieldRefusal(String field, String message) {
    }

    public BankAccount {
        Objects.requireNonNull(iban, "iban");
        String refusal = holderRefusal(accountHolder);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /**
     * Every field of a requested account that breaks its rule, each named ({@code iban}, {@code bic},
     * {@code accountHolder}); empty when {@link #of} will accept it.
     */
    public static List<FieldRefusal> refusals(String iban, String bic, String accountHolder) {
        List<FieldRefusal> refusals = new ArrayList<>();
        Iban.whyInvalid(iban).ifPresent(why -> refusals.add(new FieldRefusal("iban", "iban: " + why)));
        if (bic != null && !bic.isBlank()) {
            Bic.whyInvalid(bic).ifPresent(why -> refusals.add(new FieldRefusal("bic", "bic: " + why)));
        }
        String holder = holderRefusal(accountHolder == null ? null : accountHolder.strip());
        if (holder != null) {
            refusals.add(new FieldRefusal("accountHolder", holder));
        }
        return refusals;
    }

    /** The account as requested (any case and spaces in the IBAN, a blank BIC as none, the holder stripped). */
    public static BankAccount of(String iban, String bic, String accountHolder) {
        return new BankAccount(Iban.of(iban), bic == null || bic.isBlank() ? null : Bic.of(bic),
                accountHolder == null ? null : accountHolder.strip());
    }

    private static String holderRefusal(String holder) {
        if (holder == null || holder.isBlank()) {
            return "accountHolder is required: the name on the account";
        }
        if (holder.length() > MAX_HOLDER_LENGTH) {
            return "accountHolder has at most " + MAX_HOLDER_LENGTH + " characters (SEPA), was " + holder.length();
        }
        if (holder.chars().anyMatch(Character::isISOControl)) {
            return "accountHolder must not hold control characters such as a line break";
        }
        return null;
    }
}
