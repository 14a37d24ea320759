package nl.bdss.settlement.paymentruns.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The netting of one run: an insurer's open instructions grouped per payee (AGB), credits netted against payables.
 * A payee whose net is positive and who has an account gets one transfer of exactly that net, settling all its
 * instructions; a payee whose net is zero or negative is not paid (its instructions stay open, a net credit stays a
 * receivable until later payables absorb it); a payee with a positive net but no account is a problem (its
 * instructions stay open too). Payees in AGB order, transfers numbered 1, 2, ... in that order; the end-to-end id is
 * {@code BDSS-<run number>-<sequence>} (at most 35 characters, as SEPA requires).
 */
public final class Netting {

    public static final String NO_PAYEE_ACCOUNT = "NO_BANK_ACCOUNT: the payee has no registered bank account;"
            + " its instructions stay open";
    private static final int MAX_END_TO_END_ID = 35;

    /** One remittance line: what a transfer pays for one contract and period (payables less credits). */
    public record RemittanceLine(String contractReference, LocalDate periodStart, LocalDate periodEnd,
            long amountCents) {
    }

    public record Transfer(int sequence, String endToEndId, String payeeAgb, BankAccount creditor, long amountCents,
            List<OpenInstruction> instructions, List<RemittanceLine> remittance) {
    }

    public record Receivable(String payeeAgb, long netCents, List<OpenInstruction> instructions) {
    }

    public record Problem(String payeeAgb, String problem, long netCents, List<OpenInstruction> instructions) {
    }

    public record Result(List<Transfer> transfers, List<Receivable> receivables, List<Problem> problems) {

        public long totalCents() {
            return transfers.stream().mapToLong(Transfer::amountCents).sum();
        }
    }

    private Netting() {
    }

    /** {@code accounts}: the payees' accounts; a payee without one is not in the map. */
    public static Result of(long runNumber, List<OpenInstruction> instructions, Map<String, BankAccount> accounts) {
        Objects.requireNonNull(accounts, "accounts");
        Map<String, List<OpenInstruction>> perPayee = new TreeMap<>();
        for (OpenInstruction instruction : instructions) {
            perPayee.computeIfAbsent(instruction.payeeAgb(), k -> new ArrayList<>()).add(instruction);
        }
        List<Transfer> transfers = new ArrayList<>();
        List<Receivable> receivables = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, List<OpenInstruction>> payee : perPayee.entrySet()) {
            List<OpenInstruction> own = sorted(payee.getValue());
            long net = own.stream().mapToLong(OpenInstruction::amountCents).reduce(0, Math::addExact);
            BankAccount account = accounts.get(payee.getKey());
            if (net <= 0) {
                receivables.add(new Receivable(payee.getKey(), net, own));
            } else if (account == null) {
                problems.add(new Problem(payee.getKey(), NO_PAYEE_ACCOUNT, net, own));
            } else {
                int sequence = transfers.size() + 1;
                transfers.add(new Transfer(sequence, endToEndId(runNumber, sequence), payee.getKey(), account, net, own,
                        remittance(own)));
            }
        }
        return new Result(List.copyOf(transfers), List.copyOf(receivables), List.copyOf(problems));
    }

    public static String endToEndId(long runNumber, int sequence) {
        String id = "BDSS-" + runNumber + "-" + sequence;
        if (id.length() > MAX_END_TO_END_ID) {
            throw new IllegalArgumentException("end-to-end id longer than 35 characters: " + id);
        }
        return id;
    }

    /** Per contract and period, in the order of the (sorted) instructions; the lines add up to the transfer. */
    public static List<RemittanceLine> remittance(List<OpenInstruction> instructions) {
        Map<String, RemittanceLine> lines = new LinkedHashMap<>();
        for (OpenInstruction i : sorted(instructions)) {
            lines.merge(i.contractReference() + "|" + i.periodStart(),
                    new RemittanceLine(i.contractReference(), i.periodStart(), i.periodEnd(), i.amountCents()),
                    (a, b) -> new RemittanceLine(a.contractReference(), a.periodStart(), a.periodEnd(),
                            Math.addExact(a.amountCents(), b.amountCents())));
        }
        return List.copyOf(lines.values());
    }

    private static List<OpenInstruction> sorted(List<OpenInstruction> instructions) {
        return instructions.stream().sorted(Comparator.comparing(OpenInstruction::contractReference,
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(OpenInstruction::periodStart, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(OpenInstruction::sector, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(i -> "LUMP_SUM".equals(i.kind()) ? 0 : 1)
                .thenComparing(i -> i.id().toString())).toList();
    }

    /** The ids of the instructions, in order. */
    public static List<UUID> ids(List<OpenInstruction> instructions) {
        return instructions.stream().map(OpenInstruction::id).toList();
    }
}
