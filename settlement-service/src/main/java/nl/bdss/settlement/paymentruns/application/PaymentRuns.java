package nl.bdss.settlement.paymentruns.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.bdss.settlement.application.Refusal;
import nl.bdss.settlement.paymentruns.domain.BankAccount;
import nl.bdss.settlement.paymentruns.domain.Netting;
import nl.bdss.settlement.paymentruns.domain.OpenInstruction;
import nl.bdss.settlement.paymentruns.domain.RunStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, cancels and reads payment runs. Creating: under the insurer's lock (a second run of the same insurer waits
 * and then collects only what is left), the insurer's open instructions due up to {@code dueUpTo} that are in no
 * active run are netted per payee ({@link Netting}); the instructions of the transfers are claimed by the run, those
 * of receivables and problems stay open. An insurer without a debtor account is refused and nothing is stored.
 * Idempotent per (client-scoped) key: the same key with the same request answers the same run, with another request
 * it is refused. A run's instructions stay OPEN (in the run) until the bank's status report, a later step, marks them
 * paid; a manual acknowledgement of an instruction in an active run is refused.
 */
@Service
public class PaymentRuns {

    public static final String DEBTOR_ACCOUNT_RULE = "BANK_ACCOUNT";

    private final PaymentRunStore store;
    private final RunAccounts accounts;
    private final Clock clock;

    public PaymentRuns(PaymentRunStore store, RunAccounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What a creation answered: the run, and whether it was created now (false: the key's earlier run). */
    public record Created(PaymentRun run, boolean replayed) {
    }

    /** The dates are checked at the edge (executionDate not in the past, dueUpTo not after it). */
    @Transactional
    public Created create(String uzovi, LocalDate executionDate, LocalDate dueUpTo, String scopedKey, String by) {
        String fingerprint = fingerprint(uzovi, executionDate, dueUpTo);
        store.lockKey(scopedKey);
        Optional<PaymentRunStore.Keyed> earlier = store.byKey(scopedKey);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw Refusal.ruleViolated("Idempotency-Key", "REQUEST", "the Idempotency-Key was already used for"
                        + " another payment run request (insurer, executionDate, dueUpTo); its run stands, use a new"
                        + " key for a new request");
            }
            return new Created(store.byId(earlier.get().runId(), Optional.empty()).orElseThrow(), true);
        }
        store.lockInsurer(uzovi);
        BankAccount debtor = accounts.debtor(uzovi).orElseThrow(() -> Refusal.ruleViolated("insurer",
                DEBTOR_ACCOUNT_RULE, "insurer " + uzovi + " has no debtor bank account: register it with PUT"
                        + " /api/v1/insurers/" + uzovi + "/bank-account before a payment run"));
        List<OpenInstruction> due = store.openUnclaimed(uzovi).stream()
                .filter(i -> !i.dueDate().isAfter(dueUpTo)).toList();
        Set<UUID> stillOpen = store.lockStillOpen(Netting.ids(due));
        due = due.stream().filter(i -> stillOpen.contains(i.id())).toList();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        long number = store.insert(new PaymentRunStore.NewRun(id, uzovi, executionDate, dueUpTo, debtor, scopedKey,
                fingerprint, now, by));
        Netting.Result result = Netting.of(number, due,
                accounts.payees(due.stream().map(OpenInstruction::payeeAgb).distinct().toList()));
        store.insertContents(id, result);
        return new Created(store.byId(id, Optional.empty()).orElseThrow(), false);
    }

    /** Cancels a run not yet sent; a cancelled run again is answered as it is; a sent or completed one 409. */
    @Transactional
    public PaymentRun cancel(UUID id, Optional<String> onlyUzovi, String by) {
        PaymentRunStore.Header run = store.lock(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
        switch (run.status()) {
            case CREATED -> store.cancel(id, clock.instant(), by);
            case CANCELLED -> {
                // already cancelled: nothing changes
            }
            case SENT, COMPLETED -> throw Refusal.conflict("payment-run-sent", "Payment run already sent",
                    "Payment run " + id + " is " + run.status() + ": its file went to the bank, it can no longer be"
                            + " cancelled");
        }
        return store.byId(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
    }

    @Transactional(readOnly = true)
    public PaymentRun byId(UUID id, Optional<String> onlyUzovi) {
        return store.byId(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
    }

    @Transactional(readOnly = true)
    public PaymentRunStore.Page find(Optional<String> onlyUzovi, RunStatus status, int page, int size) {
        return store.find(onlyUzovi, status, page, size);
    }

    /**
     * The remittance rows of a run, of one payee when {@code payee} is given; a provider ({@code onlyPayee}) reads
     * only the rows of a transfer to its own AGB, anything else is not found.
     */
    @Transactional(readOnly = true)
    public List<PaymentRunStore.RemittanceRow> remittance(UUID id, Optional<String> onlyUzovi,
            Optional<String> onlyPayee, Optional<String> payee) {
        if (onlyPayee.isPresent() && !payee.equals(onlyPayee)) {
            throw PaymentRun.notFound(id);
        }
        store.byId(id, onlyUzovi).orElseThrow(() -> PaymentRun.notFound(id));
        List<PaymentRunStore.RemittanceRow> rows = store.remittance(id).stream()
                .filter(r -> payee.map(r.payeeAgb()::equals).orElse(true)).toList();
        if (onlyPayee.isPresent() && rows.isEmpty()) {
            throw PaymentRun.notFound(id);
        }
        return rows;
    }

    private static String fingerprint(String uzovi, LocalDate executionDate, LocalDate dueUpTo) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(("POST /api/v1/payment-runs " + uzovi + " " + executionDate
                    + " " + dueUpTo).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
