package nl.bdss.allocation.split.domain;

import java.time.LocalDate;

/**
 * What a new allocation changes in one payable line (R8): the proposed amount minus the current one for one
 * (period start, insurer, sector, payee), the key settlement books a lump sum and its corrections under. Positive:
 * the insurer pays more; negative: a credit. {@code periodEnd} is the proposed period's end, or the current one's
 * when the line disappears (a termination, a removed party).
 */
public record Correction(LocalDate periodStart, LocalDate periodEnd, String uzovi, String sector, String payeeAgb,
        long deltaCents) {

    public Correction {
        if (deltaCents == 0) {
            throw new IllegalArgumentException("a correction of zero is not a correction");
        }
    }
}
