package nl.bdss.settlement.payments.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.settlement.payments.domain.PaymentStatus;

/** Where the acknowledgements of entries are recorded: once, never changed. */
public interface Acknowledgements {

    /**
     * Locks the entry against a concurrent acknowledgement for the rest of the transaction; false when there is no
     * such entry or it belongs to another insurer than {@code onlyUzovi}.
     */
    boolean lock(UUID entryId, Optional<String> onlyUzovi);

    void record(UUID entryId, PaymentStatus status, String paymentReference, LocalDate paidOn, Instant recordedAt);
}
