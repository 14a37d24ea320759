package nl.bdss.allocation.counts.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored deliveries as a caller may see them: a delivery the caller may not see is as absent as an unknown id. */
public interface Deliveries {

    Optional<Delivery> find(UUID id, DeliveryAccess access);

    /** The latest deliveries the caller may see, newest first. */
    List<Delivery> latest(int limit, DeliveryAccess access);
}
