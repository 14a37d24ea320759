package nl.bdss.settlement.paymentruns.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.paymentruns.domain.Netting;

/**
 * A payment run as the insurer's finance department and the operator see it: its transfers (one per payee with a
 * positive net, the instructions each settles and its remittance lines), the payees not paid because their net is
 * zero or negative ({@code receivables}) and those that could not be paid ({@code problems}), all with the
 * instructions they hold. {@code totalCents} is the sum of the transfers, each the exact sum of its instructions.
 */
public record PaymentRun(UUID id, long runNumber, String insurer, LocalDate executionDate, LocalDate dueUpTo,
        String status, Instant createdAt, String createdBy, String debtorIban, String debtorName,
        List<Transfer> transfers, List<Receivable> receivables, List<Problem> problems, int transferCount,
        long totalCents) {

    public record Transfer(String endToEndId, String payeeAgb, String creditorName, String creditorIban,
            String creditorBic, long amountCents, List<UUID> instructions, List<Netting.RemittanceLine> remittance) {
    }

    public record Receivable(String payeeAgb, long netCents, List<UUID> instructions) {
    }

    public record Problem(String payeeAgb, String problem, long netCents, List<UUID> instructions) {
    }

    /** An unknown run and another insurer's answer alike. */
    public static Refusal notFound(UUID id) {
        return Refusal.notFound("payment-run-not-found", "Payment run not found", "No payment run " + id);
    }
}
