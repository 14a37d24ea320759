package nl.bdss.settlement.sepa.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.bdss.kernel.money.Money;

/**
 * What a bank is asked to pay, before it is written as an ISO 20022 customer credit transfer initiation (pain.001):
 * one debtor account and execution date, one transfer per payee. Every amount is positive euro cents; the control sum
 * is their exact total. SEPA's limits are checked here: identifiers at most 35 characters, names at most 70, each
 * remittance reference at most 35, end-to-end ids unique in the file (a status report is matched back by them).
 */
public record CreditTransferInitiation(String messageId, Instant createdAt, String initiatingParty,
        String paymentInformationId, LocalDate executionDate, Account debtor, List<Transfer> transfers) {

    static final int MAX_ID = 35;
    static final int MAX_NAME = 70;

    /** An account holder, the IBAN (electronic form) and the bank's BIC when known. */
    public record Account(String name, String iban, String bic) {

        public Account {
            requireText(name, "account holder", MAX_NAME);
            requireText(iban, "IBAN", 34);
        }
    }

    /** What a transfer pays for: a contract's reference and the start of a period. */
    public record Reference(String document, LocalDate periodStart) {

        public Reference {
            requireText(document, "referred document", MAX_ID);
            Objects.requireNonNull(periodStart, "a referred document needs its period's start");
        }
    }

    /** One credit transfer: to one payee, the exact amount, the references of what it pays. */
    public record Transfer(String endToEndId, Money amount, Account creditor, List<Reference> references) {

        public Transfer {
            requireText(endToEndId, "end-to-end id", MAX_ID);
            Objects.requireNonNull(creditor, "a transfer needs its creditor");
            if (amount == null || !amount.isPositive()) {
                throw new IllegalArgumentException("a credit transfer pays a positive amount, was " + amount);
            }
            references = references == null ? List.of() : List.copyOf(references);
        }
    }

    public CreditTransferInitiation {
        requireText(messageId, "message id", MAX_ID);
        requireText(paymentInformationId, "payment information id", MAX_ID);
        requireText(initiatingParty, "initiating party", MAX_NAME);
        Objects.requireNonNull(createdAt, "a file needs its creation time");
        Objects.requireNonNull(executionDate, "a file needs its requested execution date");
        Objects.requireNonNull(debtor, "a file needs its debtor account");
        transfers = List.copyOf(transfers);
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("a credit transfer initiation holds at least one transfer");
        }
        Set<String> ids = new HashSet<>();
        for (Transfer transfer : transfers) {
            if (!ids.add(transfer.endToEndId())) {
                throw new IllegalArgumentException("end-to-end id " + transfer.endToEndId() + " appears twice");
            }
        }
    }

    public int numberOfTransactions() {
        return transfers.size();
    }

    /** The exact total of the transfers. */
    public Money controlSum() {
        return Money.sum(transfers.stream().map(Transfer::amount).toList());
    }

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a credit transfer file needs its " + what);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("the " + what + " has " + value.length() + " characters, at most " + max);
        }
    }
}
