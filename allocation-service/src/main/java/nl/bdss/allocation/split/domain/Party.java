package nl.bdss.allocation.split.domain;

/** A party to the contract: its domain, and for Zvw providers the sector and AGB code (R7). */
public record Party(String key, LegalDomain domain, String sector, String agb) {

    public Party {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a party needs a key");
        }
        if (domain == null) {
            throw new IllegalArgumentException("party " + key + " needs a domain (R7)");
        }
    }

    public boolean zvwProviderIn(String zvwSector) {
        return domain == LegalDomain.ZVW && zvwSector.equals(sector);
    }
}
