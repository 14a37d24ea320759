package nl.bdss.system.faults;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.bdss.system.ledger.ExpectedLedger;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.CountDataset;

/**
 * What the system has accepted from the load (each entry only after its 201): contract ids, the versions of each
 * contract in order, the current insured-count dataset per source and reference date, and the order of all of them.
 * The expected ledger is computed from this alone.
 */
final class SentInputs {

    private final Map<String, String> idsByHandle = new LinkedHashMap<>();
    private final Map<String, String> handlesById = new LinkedHashMap<>();
    private final Map<String, List<ContractVersion>> versionsById = new LinkedHashMap<>();
    private final List<ExpectedLedger.Input> timeline = new ArrayList<>();

    synchronized void registered(String handle, String contractId, ContractVersion version) {
        idsByHandle.put(handle, contractId);
        handlesById.put(contractId, handle);
        versionsById.put(contractId, new ArrayList<>(List.of(version)));
        timeline.add(new ExpectedLedger.Changed(contractId, version));
    }

    synchronized void changed(String handle, ContractVersion version) {
        versionsById.get(id(handle)).add(version);
        timeline.add(new ExpectedLedger.Changed(id(handle), version));
    }

    synchronized void delivered(CountDataset dataset) {
        timeline.add(new ExpectedLedger.Delivered(dataset));
    }

    synchronized String id(String handle) {
        String id = idsByHandle.get(handle);
        if (id == null) {
            throw new IllegalStateException("contract " + handle + " is not registered (yet)");
        }
        return id;
    }

    synchronized String handle(String contractId) {
        return handlesById.getOrDefault(contractId, "?");
    }

    synchronized Map<String, List<ContractVersion>> contracts() {
        Map<String, List<ContractVersion>> copy = new LinkedHashMap<>();
        versionsById.forEach((id, versions) -> copy.put(id, List.copyOf(versions)));
        return copy;
    }

    synchronized int contractCount() {
        return versionsById.size();
    }

    /**
     * The allocation of every accepted contract, by the harness's own computation: the inputs replayed in the order
     * they were accepted, settled periods kept as of {@code today}.
     */
    synchronized Map<String, ExpectedLedger.Allocation> allocations(LocalDate today) {
        return ExpectedLedger.replay(List.copyOf(timeline), today);
    }
}
