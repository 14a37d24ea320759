package nl.bdss.settlement.paymentruns.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.CompletedTransfer;
import nl.bdss.events.settlement.PaymentRunCompleted;
import nl.bdss.events.settlement.TransferOutcome;
import nl.bdss.messaging.outbox.Outbox;
import nl.bdss.settlement.paymentruns.application.PaymentRun;
import nl.bdss.settlement.paymentruns.application.PaymentRunStore.TransferStatus;
import nl.bdss.settlement.paymentruns.application.RunAnnouncements;
import org.springframework.stereotype.Component;

/**
 * Announces a completed run as PaymentRunCompleted through the outbox, keyed by the insurer, on the all-insurer topic
 * and on the insurer's own (the same event and event id).
 */
@Component
class OutboxRunAnnouncements implements RunAnnouncements {

    private final Outbox outbox;

    OutboxRunAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void completed(PaymentRun run, String messageId, Map<String, TransferStatus> statuses, UUID eventId,
            Instant at) {
        PaymentRunCompleted event = PaymentRunCompleted.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setRunId(run.id())
                .setRunNumber(run.runNumber())
                .setUzovi(run.insurer())
                .setExecutionDate(run.executionDate())
                .setMessageId(messageId)
                .setTransfers(run.transfers().stream().map(transfer -> {
                    TransferStatus status = statuses.get(transfer.endToEndId());
                    return CompletedTransfer.newBuilder()
                            .setEndToEndId(transfer.endToEndId())
                            .setPayeeAgb(transfer.payeeAgb())
                            .setAmountCents(transfer.amountCents())
                            .setOutcome(TransferOutcome.valueOf(status.outcome()))
                            .setBankReference(status.bankReference())
                            .setReason(status.reason())
                            .setInstructionIds(transfer.instructions().stream().map(UUID::toString).toList())
                            .build();
                }).toList())
                .build();
        outbox.append(List.of(Topics.PAYMENT_RUNS, Topics.insurerPaymentRuns(run.insurer())), run.insurer(), event);
    }
}
