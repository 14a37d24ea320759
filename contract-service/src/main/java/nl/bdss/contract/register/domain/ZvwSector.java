package nl.bdss.contract.register.domain;

/** The Zvw sector (macro-budget sector) whose budget a Zvw provider's costs load (R7, R18). */
public enum ZvwSector {
    HUISARTSENZORG, WIJKVERPLEGING, GGZ, MEDISCH_SPECIALISTISCHE_ZORG, PARAMEDISCHE_ZORG, FARMACEUTISCHE_ZORG, MONDZORG, GEBOORTEZORG, ZIEKENVERVOER, HULPMIDDELENZORG, OVERIGE_ZVW
}
