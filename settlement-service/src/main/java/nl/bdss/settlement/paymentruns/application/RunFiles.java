package nl.bdss.settlement.paymentruns.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.kernel.money.Money;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.payments.application.Acknowledging;
import nl.bdss.settlement.paymentruns.application.PaymentRunStore.TransferStatus;
import nl.bdss.settlement.paymentruns.domain.Netting;
import nl.bdss.settlement.paymentruns.domain.RunStatus;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Account;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Reference;
import nl.bdss.settlement.sepa.domain.CreditTransferInitiation.Transfer;
import nl.bdss.settlement.sepa.domain.PaymentStatusReport;
import nl.bdss.settlement.sepa.domain.PaymentStatusReport.Outcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's files with the bank. The credit transfer initiation (pain.001) is the run as it was made, the same file at
 * every download; the first download marks the run SENT (it can no longer be cancelled). The bank's status report
 * (pain.002) settles each transfer once: an accepted transfer marks its instructions paid with the bank's reference
 * (payables PAID, the credits netted into it OFFSET, on the run's execution date, booked in the ledger as a manual
 * acknowledgement is), a rejected one gives its instructions back, open for a next run, with the bank's reason. A
 * report for another run, naming a transaction the run does not have, or contradicting a status already recorded is
 * refused as a whole and changes nothing; the same report again changes nothing. Once every transfer has its status
 * the run is COMPLETED and {@code PaymentRunCompleted} is announced.
 */
@Service
public class RunFiles {

    private final PaymentRunStore store;
    private final Acknowledging acknowledging;
    private final RunAnnouncements announcements;
    private final Clock clock;

    public RunFiles(PaymentRunStore store, Acknowledging acknowledging, RunAnnouncements announcements, Clock clock) {
        this.store = store;
        this.acknowledging = acknowledging;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** The message id of a run's credit transfer initiation, which its status reports name. */
    public static String messageIdOf(PaymentRun run) {
        return "BDSS-RUN-" + run.runNumber();
    }

    @Transactional
    public CreditTransferInitiation creditTransfers(UUID id, Optional<String> onlyUzovi, String by) {
        PaymentRunStore.Header header = store.lock(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
        if (header.status() == RunStatus.CANCELLED) {
            throw Refusal.conflict("payment-run-cancelled", "Payment run cancelled",
                    "Payment run " + id + " was cancelled: it has no file for the bank");
        }
        PaymentRun run = store.byId(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
        if (run.transfers().isEmpty()) {
            throw Refusal.conflict("payment-run-empty", "Nothing to transfer",
                    "Payment run " + id + " has no transfer (every payee's net was zero or a credit, or had no account)");
        }
        if (header.status() == RunStatus.CREATED) {
            store.changeStatus(id, RunStatus.SENT, clock.instant(), by);
        }
        List<Transfer> transfers = new ArrayList<>();
        for (PaymentRun.Transfer transfer : run.transfers()) {
            List<Reference> references = new ArrayList<>();
            for (Netting.RemittanceLine line : transfer.remittance()) {
                references.add(new Reference(document(line.contractReference()), line.periodStart()));
            }
            transfers.add(new Transfer(transfer.endToEndId(), Money.ofCents(transfer.amountCents()),
                    new Account(transfer.creditorName(), transfer.creditorIban(), transfer.creditorBic()), references));
        }
        String messageId = messageIdOf(run);
        return new CreditTransferInitiation(messageId, run.createdAt(), run.debtorName(), messageId + "-1",
                run.executionDate(), new Account(run.debtorName(), run.debtorIban(), store.debtorBic(id).orElse(null)),
                transfers);
    }

    /** What a status report changed: the transfers it settled now, and the run as it is after it. */
    public record Applied(PaymentRun run, List<TransferStatus> recorded, Map<String, TransferStatus> statuses) {
    }

    @Transactional
    public Applied statusReport(UUID id, Optional<String> onlyUzovi, PaymentStatusReport report, String by) {
        PaymentRunStore.Header header = store.lock(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
        if (header.status() == RunStatus.CREATED || header.status() == RunStatus.CANCELLED) {
            throw Refusal.conflict("payment-run-not-sent", "Payment run not sent",
                    "Payment run " + id + " is " + header.status() + ": the bank reports only on a file it was sent");
        }
        PaymentRun run = store.byId(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
        List<Refusal.Violation> errors = new ArrayList<>();
        if (!messageIdOf(run).equals(report.originalMessageId())) {
            errors.add(new Refusal.Violation("OrgnlGrpInfAndSts.OrgnlMsgId", "REQUEST", "the report is on message "
                    + report.originalMessageId() + ", this run's file is " + messageIdOf(run)));
        }
        Map<String, PaymentRun.Transfer> transfers = new LinkedHashMap<>();
        run.transfers().forEach(transfer -> transfers.put(transfer.endToEndId(), transfer));
        Map<String, TransferStatus> recorded = store.transferStatuses(id);
        Map<String, TransferStatus> decided = new HashMap<>();
        List<TransferStatus> fresh = new ArrayList<>();
        for (PaymentStatusReport.TransactionStatus transaction : report.transactions()) {
            if (!transfers.containsKey(transaction.endToEndId())) {
                errors.add(new Refusal.Violation("TxInfAndSts.OrgnlEndToEndId", "REQUEST", "run " + run.runNumber()
                        + " has no transfer " + transaction.endToEndId()));
                continue;
            }
            if (transaction.outcome() == Outcome.PENDING) {
                continue;
            }
            TransferStatus status = new TransferStatus(transaction.endToEndId(), transaction.outcome().name(),
                    transaction.statusCode(), transaction.outcome() == Outcome.REJECTED ? transaction.reason() : null,
                    transaction.bankReference());
            TransferStatus before = recorded.containsKey(status.endToEndId()) ? recorded.get(status.endToEndId())
                    : decided.get(status.endToEndId());
            if (before != null) {
                if (!before.outcome().equals(status.outcome())) {
                    errors.add(new Refusal.Violation("TxInfAndSts.TxSts", "REQUEST", "transfer " + status.endToEndId()
                            + " was " + before.outcome() + " already; the report says " + status.outcome()));
                }
                continue;
            }
            decided.put(status.endToEndId(), status);
            fresh.add(status);
        }
        if (!errors.isEmpty()) {
            throw Refusal.rulesViolated(errors);
        }
        Instant now = clock.instant();
        for (TransferStatus status : fresh) {
            PaymentRun.Transfer transfer = transfers.get(status.endToEndId());
            store.insertTransferStatus(id, status, report.messageId(), now, by);
            if (Outcome.ACCEPTED.name().equals(status.outcome())) {
                String reference = status.bankReference() != null ? status.bankReference() : status.endToEndId();
                for (UUID instruction : transfer.instructions()) {
                    acknowledging.settleThroughRun(instruction, id, reference, run.executionDate());
                }
            } else {
                store.releaseClaims(id, status.endToEndId());
            }
        }
        Map<String, TransferStatus> statuses = store.transferStatuses(id);
        if (header.status() == RunStatus.SENT && statuses.keySet().containsAll(transfers.keySet())) {
            store.changeStatus(id, RunStatus.COMPLETED, now, by);
            announcements.completed(run, messageIdOf(run), statuses, UUID.randomUUID(), now);
        }
        return new Applied(store.byId(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id)), fresh, statuses);
    }

    /** A referred document's number: the contract reference, at most the 35 characters ISO 20022 allows. */
    private static String document(String contractReference) {
        String compact = contractReference.replace("-", "");
        return compact.length() <= 35 ? compact : compact.substring(0, 35);
    }
}
