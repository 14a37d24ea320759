package nl.bdss.settlement.ledger.domain;

/** One side of a booking on one account; exactly one of debit and credit is positive. */
public record Posting(String account, long debitCents, long creditCents) {

    public Posting {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account is required");
        }
        if (debitCents < 0 || creditCents < 0 || (debitCents == 0) == (creditCents == 0)) {
            throw new IllegalArgumentException("a posting has either a positive debit or a positive credit");
        }
    }
}
