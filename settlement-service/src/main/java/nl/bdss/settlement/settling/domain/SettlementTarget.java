package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.Objects;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;

/**
 * What one payment instruction is for: one (contract, period, insurer, payee, sector), and under a payment schedule
 * one instalment of it ({@code instalmentStart}, null for the whole period). There is deliberately no insured person
 * in it: a lump sum is paid outside the per-insured claims flow (R8) and never touches a deductible (R16).
 */
public record SettlementTarget(String contractId, LocalDate periodStart, String uzovi, String payeeAgb, String sector,
        LocalDate instalmentStart) {

    /** The whole period. */
    public SettlementTarget(String contractId, LocalDate periodStart, String uzovi, String payeeAgb, String sector) {
        this(contractId, periodStart, uzovi, payeeAgb, sector, null);
    }

    public SettlementTarget {
        if (contractId == null || contractId.isBlank()) {
            throw new IllegalArgumentException("contractId is required");
        }
        Objects.requireNonNull(periodStart, "periodStart is required");
        if (!Uzovi.isValid(uzovi)) {
            throw new IllegalArgumentException("uzovi must be 4 digits (paying insurer), was " + uzovi);
        }
        if (!AgbCode.isValid(payeeAgb)) {
            throw new IllegalArgumentException("payeeAgb must be 8 digits (Zvw provider), was " + payeeAgb);
        }
        if (sector == null || sector.isBlank()) {
            throw new IllegalArgumentException("sector is required for a Zvw line (R7, R17)");
        }
        if (instalmentStart != null && instalmentStart.isBefore(periodStart)) {
            throw new IllegalArgumentException("instalment " + instalmentStart + " starts before its period " + periodStart);
        }
    }

    /** The same target's instalment starting on {@code start}. */
    public SettlementTarget instalment(LocalDate start) {
        return new SettlementTarget(contractId, periodStart, uzovi, payeeAgb, sector, start);
    }

    /** The stable business key of the one lump-sum payment instruction for this target. */
    public String lumpSumKey() {
        return base() + "|" + EntryKind.LUMP_SUM;
    }

    /** The stable business key of the correction caused by one allocation version. */
    public String correctionKey(int allocationVersion) {
        return base() + "|" + EntryKind.CORRECTION + "|v" + allocationVersion;
    }

    private String base() {
        String whole = contractId + "|" + periodStart + "|" + uzovi + "|" + payeeAgb + "|" + sector;
        return instalmentStart == null ? whole : whole + "|i" + instalmentStart;
    }
}
