package nl.bdss.settlement.paymentruns.domain;

import java.util.Objects;

/** An account money is paid from or to, as registered (its IBAN checked when it was registered); bic optional. */
public record BankAccount(String iban, String bic, String holder) {

    public BankAccount {
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(holder, "holder");
    }
}
