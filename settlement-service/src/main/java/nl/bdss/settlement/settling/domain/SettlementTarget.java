package nl.bdss.settlement.settling.domain;

import java.time.LocalDate;
import java.util.Objects;
import nl.bdss.kernel.identity.AgbCode;
import nl.bdss.kernel.identity.Uzovi;

/**
 * What one payment instruction is for: one (contract, period, insurer, payee, sector). There is deliberately no
 * insured person in it: a lump sum is paid outside the per-insured claims flow (R8) and never touches a
 * deductible (R16).
 */
public record SettlementTarget(String contractId, LocalDate periodStart, String uzovi, String payeeAgb, String sector) {

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
        return contractId + "|" + periodStart + "|" + uzovi + "|" + payeeAgb + "|" + sector;
    }
}
