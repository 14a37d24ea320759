package nl.bdss.settlement.settling.domain;

/**
 * The part of a period's Zvw lump sum one insurer pays one payee for one sector. Only Zvw lines exist here:
 * other domains fund their own contribution and are never paid by insurers (R7).
 */
public record PayableLine(SettlementTarget target, String payeePartyKey, long amountCents) {

    public PayableLine {
        if (target == null) {
            throw new IllegalArgumentException("target is required");
        }
        payeePartyKey = payeePartyKey == null || payeePartyKey.isBlank() ? target.payeeAgb() : payeePartyKey;
        if (amountCents < 0) {
            throw new IllegalArgumentException("amountCents of a Zvw line must not be negative, was " + amountCents);
        }
    }
}
