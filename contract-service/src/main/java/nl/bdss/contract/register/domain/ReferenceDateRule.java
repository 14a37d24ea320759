package nl.bdss.contract.register.domain;

import java.time.LocalDate;

/**
 * R11: a rule that gives each contract year its reference date (peildatum), for a market-share definition that does
 * not name a date per year. The manual lets the parties fix the date ("op een te bepalen peildatum").
 */
public enum ReferenceDateRule {

    /** 1 January of the contract year. */
    FIRST_OF_JANUARY;

    public LocalDate referenceDateOf(int year) {
        return switch (this) {
            case FIRST_OF_JANUARY -> LocalDate.of(year, 1, 1);
        };
    }
}
