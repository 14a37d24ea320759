package nl.bdss.reporting.operations.application;

/** The read models a rebuild starts again from nothing (port). */
public interface ReadModels {

    /**
     * Wipes every table derived from the consumed topics and the processed event ids; the macro budgets and region
     * ranges (operators entered them, no topic carries them) and what was published downstream stay.
     */
    void wipe();
}
