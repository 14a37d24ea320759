package nl.bdss.allocation.split.domain;

import java.util.Objects;
import nl.bdss.kernel.money.Vat;

/** The VAT treatment the contract states for one payee, a paid Zvw provider (R10). */
public record PayeeVat(String payeeAgb, Vat vat) {

    public PayeeVat {
        Objects.requireNonNull(payeeAgb, "payeeAgb");
        Objects.requireNonNull(vat, "vat");
    }
}
