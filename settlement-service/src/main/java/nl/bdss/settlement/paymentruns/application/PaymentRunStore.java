package nl.bdss.settlement.paymentruns.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bdss.settlement.paymentruns.domain.BankAccount;
import nl.bdss.settlement.paymentruns.domain.Netting;
import nl.bdss.settlement.paymentruns.domain.OpenInstruction;
import nl.bdss.settlement.paymentruns.domain.RunStatus;

/** Where payment runs are kept; locks are held to the end of the caller's transaction. */
public interface PaymentRunStore {

    /** A run created under an idempotency key, and what its request stood for. */
    record Keyed(UUID runId, String fingerprint) {
    }

    record NewRun(UUID id, String uzovi, LocalDate executionDate, LocalDate dueUpTo, BankAccount debtor,
            String idempotencyKey, String fingerprint, Instant createdAt, String createdBy) {
    }

    record Header(UUID id, String uzovi, RunStatus status) {
    }

    record Page(List<PaymentRun> content, int page, int size, long totalElements) {
    }

    /** Serialises requests under one (client-scoped) idempotency key, across instances. */
    void lockKey(String scopedKey);

    Optional<Keyed> byKey(String scopedKey);

    /** Serialises the runs of one insurer, across instances: the second waits and collects what is left. */
    void lockInsurer(String uzovi);

    /** The insurer's instructions without an acknowledgement and in no active run. */
    List<OpenInstruction> openUnclaimed(String uzovi);

    /**
     * Locks the instructions' rows (against a concurrent manual acknowledgement) and answers those of them that are
     * still unacknowledged and unclaimed after the lock.
     */
    Set<UUID> lockStillOpen(Collection<UUID> entryIds);

    /** Inserts the run's header; answers its run number. */
    long insert(NewRun run);

    /** Stores the netting's transfers, items, receivables and problems, and claims the transfers' instructions. */
    void insertContents(UUID runId, Netting.Result result);

    Optional<PaymentRun> byId(UUID id, Optional<String> onlyUzovi);

    /** Newest first. */
    Page find(Optional<String> onlyUzovi, RunStatus status, int page, int size);

    /** Locks the run's row; empty when there is none or it is another insurer's. */
    Optional<Header> lock(UUID id, Optional<String> onlyUzovi);

    /** Sets the status to CANCELLED and releases the run's claims. */
    void cancel(UUID id, Instant at, String by);

    /** Every instruction of the run's transfers, with its transfer's end-to-end id and payee, in transfer order. */
    List<RemittanceRow> remittance(UUID id);

    record RemittanceRow(String endToEndId, String payeeAgb, String creditorName, OpenInstruction instruction) {
    }

    /** The debtor's BIC the run was made with, if it had one. */
    Optional<String> debtorBic(UUID id);

    /** Moves a locked run's status one allowed step (CREATED to SENT, SENT to COMPLETED). */
    void changeStatus(UUID id, RunStatus status, Instant at, String by);

    /** The bank's final status of a transfer, once recorded. */
    record TransferStatus(String endToEndId, String outcome, String statusCode, String reason, String bankReference) {
    }

    /** The recorded statuses of the run's transfers, by end-to-end id. */
    java.util.Map<String, TransferStatus> transferStatuses(UUID id);

    void insertTransferStatus(UUID runId, TransferStatus status, String reportMessageId, Instant at, String by);

    /** Gives the instructions of a rejected transfer back: their claims by the run are released. */
    void releaseClaims(UUID runId, String endToEndId);
}
