package nl.bdss.system.faults;

import java.time.Duration;
import java.util.List;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.stack.StackProcesses;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.Workload.Amend;
import nl.bdss.system.workload.Workload.DeliverCounts;
import nl.bdss.system.workload.Workload.Operation;
import nl.bdss.system.workload.Workload.Register;
import nl.bdss.system.workload.Workload.Terminate;
import nl.bdss.system.workload.Workload;

/**
 * Sends the load's operations one after the other, spread evenly over a time window so that the faults land in the
 * middle of it, and records each in {@link SentInputs} once the system accepted it.
 */
final class LoadDriver {

    private final StackClient client;
    private final SentInputs inputs;
    private final RunLog log;
    private final String keyPrefix;

    LoadDriver(StackClient client, SentInputs inputs, RunLog log, long seed) {
        this.client = client;
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
                StackProcesses.sleep(Duration.ofNanos(wait));
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
            client.deliverCounts(deliver.dataset());
            inputs.delivered(deliver.dataset());
            log.say("load: %s counts %s delivered (%d insurers)", deliver.redelivery() ? "corrected" : "new",
                    deliver.dataset().label(), deliver.dataset().countsByInsurer().size());
        } else if (operation instanceof Register register) {
            ContractVersion version = register.contract().versions().get(0);
            String id = client.register(version.terms(), key(register.contract(), 1));
            inputs.registered(register.contract().handle(), id, version);
        } else if (operation instanceof Amend amend) {
            String id = inputs.id(amend.contract().handle());
            client.amend(id, amend.version().effectiveFrom(), amend.version().terms(),
                    key(amend.contract(), amend.contract().versions().indexOf(amend.version()) + 1));
            inputs.changed(amend.contract().handle(), amend.version());
        } else if (operation instanceof Terminate terminate) {
            String id = inputs.id(terminate.contract().handle());
            client.terminate(id, terminate.version().terms().validUntil(),
                    key(terminate.contract(), terminate.contract().versions().indexOf(terminate.version()) + 1));
            inputs.changed(terminate.contract().handle(), terminate.version());
        }
    }

    private String key(Workload.PlannedContract contract, int version) {
        return keyPrefix + "-" + contract.handle() + "-v" + version;
    }
}
