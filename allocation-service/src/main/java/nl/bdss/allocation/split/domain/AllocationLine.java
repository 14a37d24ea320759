package nl.bdss.allocation.split.domain;

/**
 * One amount of a period: for ZVW the sector, the paying insurer and the payee (R7, R10, R11); for other domains
 * only the domain, since their share is recorded and never paid by insurers (R7).
 */
public record AllocationLine(LegalDomain domain, String sector, String uzovi, String payeePartyKey, String payeeAgb,
        long amountCents) {

    public AllocationLine {
        if (amountCents < 0) {
            throw new IllegalArgumentException("an allocation line is never negative");
        }
    }

    static AllocationLine recorded(LegalDomain domain, long amountCents) {
        return new AllocationLine(domain, null, null, null, null, amountCents);
    }
}
