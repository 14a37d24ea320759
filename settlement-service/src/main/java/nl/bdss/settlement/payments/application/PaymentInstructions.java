package nl.bdss.settlement.payments.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.payments.domain.PaymentStatus;

/**
 * Reads payment instructions with their acknowledgement. The {@link Viewer} (the caller's insurer or payee
 * restriction, none for an operator) is applied where the instructions are read, so an insurer's or a provider's
 * pages, totals and exports hold its own entries only and another's entry is not found.
 */
public interface PaymentInstructions {

    /**
     * The search criteria, each optional; {@code viewer} is the caller's restriction, ANDed with {@code insurer} and
     * {@code payee}.
     */
    record Filter(String insurer, String payee, LocalDate periodStart, PaymentStatus status, Viewer viewer) {
    }

    record Page(List<PaymentInstruction> content, int page, int size, long totalElements) {
    }

    /** A page ordered by period start, contract and sequence; {@code page} from 0, {@code size} 1 to 1000. */
    Page find(Filter filter, int page, int size);

    /** A period's instructions, ordered by insurer, contract and sequence. */
    List<PaymentInstruction> forPeriod(LocalDate periodStart, Viewer viewer);

    /** A payee's instructions, ordered by contract, period start and sequence. */
    List<PaymentInstruction> forPayee(String agb, Viewer viewer);

    /** One entry; empty as well when the viewer may not see it (no existence leak). */
    Optional<PaymentInstruction> byId(UUID id, Viewer viewer);
}
