package nl.bdss.settlement.payments.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a payee was settled and paid, per contract, period, insurer and sector, with every entry underneath: lump
 * sums and corrections, each correction naming the entry it corrects. {@code paidCents}: payable entries acknowledged
 * PAID; {@code creditedCents}: credits (negative corrections) acknowledged OFFSET or REFUNDED (zero or negative);
 * {@code openCents = settledCents - paidCents - creditedCents}, negative when the payee owes money back.
 */
public record PayeeStatement(String payeeAgb, long settledCents, long paidCents, long creditedCents, long openCents,
        List<Line> lines) {

    public record Line(String contractId, LocalDate periodStart, String insurer, String sector, long settledCents,
            long paidCents, long creditedCents, long openCents, List<PaymentInstruction> entries) {
    }

    public static PayeeStatement of(String payeeAgb, List<PaymentInstruction> instructions) {
        Map<String, List<PaymentInstruction>> grouped = new LinkedHashMap<>();
        for (PaymentInstruction instruction : instructions) {
            String key = instruction.contractId() + "|" + instruction.periodStart() + "|" + instruction.insurer() + "|"
                    + instruction.sector();
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(instruction);
        }
        List<Line> lines = grouped.values().stream().map(PayeeStatement::line).toList();
        long settled = lines.stream().mapToLong(Line::settledCents).sum();
        long paid = lines.stream().mapToLong(Line::paidCents).sum();
        long credited = lines.stream().mapToLong(Line::creditedCents).sum();
        return new PayeeStatement(payeeAgb, settled, paid, credited, settled - paid - credited, lines);
    }

    private static Line line(List<PaymentInstruction> entries) {
        PaymentInstruction first = entries.get(0);
        long settled = entries.stream().mapToLong(PaymentInstruction::amountCents).sum();
        long paid = entries.stream().filter(e -> PaymentInstruction.PAID.equals(e.status()))
                .mapToLong(PaymentInstruction::amountCents).sum();
        long credited = entries.stream().filter(e -> e.acknowledged() && !PaymentInstruction.PAID.equals(e.status()))
                .mapToLong(PaymentInstruction::amountCents).sum();
        return new Line(first.contractId(), first.periodStart(), first.insurer(), first.sector(), settled, paid,
                credited, settled - paid - credited, entries);
    }
}
