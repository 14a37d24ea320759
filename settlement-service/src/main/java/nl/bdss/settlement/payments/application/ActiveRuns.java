package nl.bdss.settlement.payments.application;

import java.util.Optional;
import java.util.UUID;

/** Which active (not cancelled) payment run holds an entry, if any: such an entry is paid through that run. */
public interface ActiveRuns {

    Optional<UUID> holding(UUID entryId);
}
