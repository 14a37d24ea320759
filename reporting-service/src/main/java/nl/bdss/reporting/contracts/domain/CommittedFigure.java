package nl.bdss.reporting.contracts.domain;

/**
 * The amount the latest complete allocations commit in one year to one legal domain and, for Zvw, one sector ('' for
 * the other domains), with the number of contracts that commit a positive amount to it (R7, R17, R20).
 */
public record CommittedFigure(String domain, String sector, long amountCents, long contractCount) {

    public CommittedFigure {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("domain: required (R7)");
        }
        sector = sector == null ? "" : sector;
        if (ContractSnapshot.ZVW.equals(domain) == sector.isEmpty()) {
            throw new IllegalArgumentException("sector: named for Zvw and only for Zvw (R7, R17), was '" + sector
                    + "' for " + domain);
        }
        if (amountCents < 0 || contractCount < 0) {
            throw new IllegalArgumentException("amountCents, contractCount: never negative, were " + amountCents + ", "
                    + contractCount);
        }
    }

    public boolean zvw() {
        return ContractSnapshot.ZVW.equals(domain);
    }
}
