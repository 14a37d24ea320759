package nl.bdss.reporting.operations.application;

import java.util.List;
import nl.bdss.reporting.operations.domain.RebuildTarget;

/**
 * Whether a rebuild of the read models is catching up (port, stored beside the read models). While it is, the read
 * models pass through the totals of the past again; nothing is announced downstream until the group has consumed up
 * to the end offsets recorded when the rebuild started.
 */
public interface RebuildState {

    boolean inProgress();

    List<RebuildTarget> targets();

    /** Replaces the targets; runs in the transaction that wipes the read models. */
    void start(List<RebuildTarget> targets);

    /** Ends the rebuild, once; returns false when another instance ended it first. */
    boolean finish();
}
