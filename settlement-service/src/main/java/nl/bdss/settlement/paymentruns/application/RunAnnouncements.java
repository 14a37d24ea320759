package nl.bdss.settlement.paymentruns.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.bdss.settlement.paymentruns.application.PaymentRunStore.TransferStatus;

/** Tells downstream finance that the bank reported on every transfer of a run, in the transaction that completes it. */
public interface RunAnnouncements {

    void completed(PaymentRun run, String messageId, Map<String, TransferStatus> statuses, UUID eventId, Instant at);
}
