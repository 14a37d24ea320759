package nl.bdss.settlement.paymentruns.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An insurer's open payment instruction as a run sees it: a payable (positive) or a credit (negative correction) to
 * one payee, for one contract, period and sector. {@code contractReference}: settlement holds no contract reference
 * of its own, so it is the contract id. {@code dueDate}: the first day it may be paid (R8). {@code instalmentStart}
 * and {@code instalmentEnd}: the instalment of the period it pays (null for the whole period); {@code vatCents} the VAT
 * part of the amount (R10; null when the contract states no VAT for the payee).
 */
public record OpenInstruction(UUID id, String payeeAgb, String contractReference, LocalDate periodStart,
        LocalDate periodEnd, String sector, String kind, long amountCents, LocalDate dueDate, LocalDate instalmentStart,
        LocalDate instalmentEnd, Long vatCents) {

    /** An instruction of a whole period without a VAT part. */
    public OpenInstruction(UUID id, String payeeAgb, String contractReference, LocalDate periodStart,
            LocalDate periodEnd, String sector, String kind, long amountCents, LocalDate dueDate) {
        this(id, payeeAgb, contractReference, periodStart, periodEnd, sector, kind, amountCents, dueDate, null, null,
                null);
    }

    public OpenInstruction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payeeAgb, "payeeAgb");
        if (amountCents == 0) {
            throw new IllegalArgumentException("an instruction of zero moves no money");
        }
    }
}
