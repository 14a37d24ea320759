package nl.bdss.system.faults;

import java.time.Duration;
import java.util.List;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.workload.ContractDocuments;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.Terms;
import nl.bdss.system.workload.Workload.Amend;
import nl.bdss.system.workload.Workload.DeliverCounts;
import nl.bdss.system.workload.Workload.Operation;
import nl.bdss.system.workload.Workload.Refused;
import nl.bdss.system.workload.Workload.Register;
import nl.bdss.system.workload.Workload.Terminate;
import nl.bdss.system.workload.Workload;

/**
 * Sends the load's operations one after the other, spread evenly over a time window so that the faults land in the
 * middle of it, and records each in {@link SentInputs} once the system accepted it. Every party acts with its own
 * token: a contract is proposed and changed as its first insurer would and accepted by every other party; a refused
 * change is declined by a party or withdrawn and recorded nowhere; counts are delivered as the trusted third party
 * would.
 */
final class LoadDriver {

    private final StackClient client;
    private final ContractDocuments documents;
    private final SentInputs inputs;
    private final RunLog log;
    private final String keyPrefix;
    private final Runnable beforeCorrectedDelivery;

    /**
     * @param beforeCorrectedDelivery waits until the system has applied everything sent before: a corrected delivery
     *                                keeps the periods already settled (settled stays settled), so which periods those
     *                                are must not depend on how far allocation got
     */
    LoadDriver(StackClient client, ContractDocuments documents, SentInputs inputs, RunLog log, long seed,
            Runnable beforeCorrectedDelivery) {
        this.beforeCorrectedDelivery = beforeCorrectedDelivery;
        this.client = client;
        this.documents = documents;
        this.inputs = inputs;
        this.log = log;
        this.keyPrefix = "fi-" + Long.toString(seed, 36);
    }

    void run(List<Operation> operations, Duration window) {
        long start = System.nanoTime();
        int done = 0;
        for (Operation operation : operations) {
            long due = start + window.toNanos() * done / Math.max(1, operations.size());
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Stack.sleep(Duration.ofNanos(wait));
            }
            apply(operation);
            done++;
            if (done % 10 == 0 || done == operations.size()) {
                log.say("load: %d/%d operations accepted", done, operations.size());
            }
        }
    }

    void apply(Operation operation) {
        if (operation instanceof DeliverCounts deliver) {
            if (deliver.redelivery()) {
                beforeCorrectedDelivery.run();
            }
            client.deliverCounts(StackClient.TRUSTED_THIRD_PARTY, deliver.dataset().source(), deliver.dataset().csv());
            inputs.delivered(deliver.dataset());
            log.say("load: %s counts %s delivered (%d insurers)", deliver.redelivery() ? "corrected" : "new",
                    deliver.dataset().label(), deliver.dataset().countsByInsurer().size());
        } else if (operation instanceof Register register) {
            ContractVersion version = register.contract().versions().get(0);
            String id = client.register(asInsurer(version.terms()), documents.document(version.terms()),
                    key(register.contract(), 1)).id();
            inputs.registered(register.contract().handle(), id, version);
        } else if (operation instanceof Amend amend) {
            String id = inputs.id(amend.contract().handle());
            client.amend(asInsurer(amend.version().terms()), id, null, amend.version().effectiveFrom(),
                    documents.document(amend.version().terms()),
                    key(amend.contract(), amend.contract().versions().indexOf(amend.version()) + 1));
            inputs.changed(amend.contract().handle(), amend.version());
        } else if (operation instanceof Refused refused) {
            String id = inputs.id(refused.contract().handle());
            client.proposeAndRefuse(asInsurer(refused.proposed().terms()), id, refused.proposed().effectiveFrom(),
                    documents.document(refused.proposed().terms()), key(refused.contract(), 0) + "-refused",
                    refused.withdrawn());
            log.say("load: an amendment of %s %s", refused.contract().handle(),
                    refused.withdrawn() ? "withdrawn by its proposer" : "declined by a party");
        } else if (operation instanceof Terminate terminate) {
            String id = inputs.id(terminate.contract().handle());
            client.terminate(asInsurer(terminate.version().terms()), id, null, terminate.version().terms().validUntil(),
                    key(terminate.contract(), terminate.contract().versions().indexOf(terminate.version()) + 1));
            inputs.changed(terminate.contract().handle(), terminate.version());
        }
    }

    private static String asInsurer(Terms terms) {
        return StackClient.insurer(terms.insurers().get(0));
    }

    private String key(Workload.PlannedContract contract, int version) {
        return keyPrefix + "-" + contract.handle() + "-v" + version;
    }
}
