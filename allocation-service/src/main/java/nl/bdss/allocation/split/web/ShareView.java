package nl.bdss.allocation.split.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.bdss.allocation.split.domain.AllocationDisclosure.ShownShare;

/**
 * A market share as the caller may see it (issue 14): {@code {uzovi, basisPoints}}, with {@code insuredCount}
 * where the count is the caller's own (an operator: every count). A figure withheld as a small cell is null and the
 * entry carries {@code suppressed: true}; {@code suppressed} is left out otherwise.
 */
sealed interface ShareView permits ShareView.Points, ShareView.Counted {

    String uzovi();

    static ShareView of(ShownShare share) {
        Boolean suppressed = share.suppressed() ? Boolean.TRUE : null;
        return share.countShown()
                ? new Counted(share.uzovi(), share.insuredCount(), share.basisPoints(), suppressed)
                : new Points(share.uzovi(), share.basisPoints(), suppressed);
    }

    /** Another insurer's share, or any share seen by a provider: basis points only. */
    record Points(String uzovi, @JsonInclude(JsonInclude.Include.ALWAYS) Integer basisPoints, Boolean suppressed)
            implements ShareView {
    }

    /** A share with the insured count behind it: the caller's own, or any for an operator. */
    record Counted(String uzovi, @JsonInclude(JsonInclude.Include.ALWAYS) Long insuredCount,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer basisPoints, Boolean suppressed) implements ShareView {
    }
}
