package nl.bdss.allocation.split.application;

/** Announces a newly stored allocation to the other services, in the transaction that stored it. */
public interface AllocationPublisher {

    void publish(StoredAllocation stored);
}
