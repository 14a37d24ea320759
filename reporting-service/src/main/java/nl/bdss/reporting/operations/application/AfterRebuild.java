package nl.bdss.reporting.operations.application;

/**
 * What a feature announces once a rebuild has caught up: the differences between its rebuilt figures and what
 * downstream systems were told before (port, implemented by the features that announce). Runs in the transaction
 * that ends the rebuild.
 */
public interface AfterRebuild {

    /** Announces the differences; returns how many events it appended. */
    int announceDifferences();

    /** What it announces, for the log, e.g. {@code sector-load changes}. */
    String announces();
}
