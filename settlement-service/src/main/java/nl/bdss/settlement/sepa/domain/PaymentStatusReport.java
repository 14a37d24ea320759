package nl.bdss.settlement.sepa.domain;

import java.util.List;
import java.util.Objects;

/**
 * A bank's answer to a credit transfer initiation (ISO 20022 pain.002): which message it reports on and, per
 * transaction (matched by its end-to-end id), whether it was accepted or rejected, why, and the bank's reference.
 * A group status alone (no transactions listed) applies to every transaction of the original message.
 */
public record PaymentStatusReport(String messageId, String originalMessageId, String groupStatus,
        List<TransactionStatus> transactions) {

    /**
     * ISO 20022 ExternalPaymentTransactionStatus1Code: ACCC, ACSC, ACSP, ACTC, ACWC, ACCP, ACFC, ACIS, ACWP, PART
     * accept (at some stage); RJCT rejects; PDNG is pending (no decision yet).
     */
    public enum Outcome {
        ACCEPTED, REJECTED, PENDING;

        public static Outcome of(String code) {
            if (code == null) {
                return PENDING;
            }
            return switch (code) {
                case "RJCT" -> REJECTED;
                case "PDNG", "RCVD" -> PENDING;
                default -> code.startsWith("AC") || "PART".equals(code) ? ACCEPTED : PENDING;
            };
        }
    }

    /** One transaction's status: its end-to-end id, the ISO code, the reason (code and text) and the bank's reference. */
    public record TransactionStatus(String endToEndId, String statusCode, String reasonCode, String reasonText,
            String bankReference) {

        public TransactionStatus {
            Objects.requireNonNull(endToEndId, "a transaction status names its end-to-end id");
        }

        public Outcome outcome() {
            return Outcome.of(statusCode);
        }

        /** The reason as a person reads it: the code and the additional text the bank gave. */
        public String reason() {
            String code = reasonCode == null ? "" : reasonCode;
            String text = reasonText == null ? "" : reasonText;
            return (code + (code.isEmpty() || text.isEmpty() ? "" : ": ") + text).strip();
        }
    }

    public PaymentStatusReport {
        Objects.requireNonNull(originalMessageId, "a status report names the message it reports on");
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }
}
