package nl.bdss.contract.register.domain;

/** The kinds of party that sign a contract (R1) and therefore accept it: insurers and Zvw providers. */
public enum PartyRole {
    /** An insurer, known by its UZOVI code. */
    INSURER,
    /** A Zvw provider, known by its AGB code. Parties of other domains are recorded but never asked. */
    PROVIDER
}
