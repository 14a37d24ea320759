package nl.bdss.allocation.split.application;

import java.util.List;
import java.util.Optional;

/** Every published allocation of every contract, with the dataset it was computed from. */
public interface AllocationStore {

    void insert(StoredAllocation stored);

    Optional<StoredAllocation> latest(String contractId);

    /** In allocation-version order. */
    List<StoredAllocation> history(String contractId);
}
