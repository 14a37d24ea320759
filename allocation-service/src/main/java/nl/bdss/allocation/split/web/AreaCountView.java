package nl.bdss.allocation.split.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.bdss.allocation.split.domain.AllocationDisclosure.ShownCount;

/**
 * An insurer's insureds in one postcode: {@code {uzovi, postcode, insuredCount}}; a small cell has
 * {@code insuredCount: null} and {@code suppressed: true} ({@code suppressed} is left out otherwise).
 */
record AreaCountView(String uzovi, String postcode, @JsonInclude(JsonInclude.Include.ALWAYS) Long insuredCount,
        Boolean suppressed) {

    static AreaCountView of(ShownCount count) {
        return new AreaCountView(count.uzovi(), count.postcode(), count.insuredCount(),
                count.suppressed() ? Boolean.TRUE : null);
    }
}
