package nl.bdss.system.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.bdss.system.stack.Databases;

/**
 * Counts and sums over every table a redelivered or replayed event could touch, in all four databases, including
 * the inboxes: two equal fingerprints around a replay mean it changed nothing.
 */
final class StateFingerprint {

    private static final Map<String, List<String>> QUERIES = Map.of(
            "contract", List.of("select count(*) from contract_version", "select count(*) from processed_event"),
            "allocation", List.of("select count(*) from allocation", "select count(*) from contract_terms_version",
                    "select count(*) from processed_event"),
            "settlement", List.of("select count(*) from settlement_entry",
                    "select coalesce(sum(amount_cents), 0) from settlement_entry", "select count(*) from ledger_posting",
                    "select coalesce(sum(allocation_version), 0) from contract_allocation",
                    "select count(*) from processed_event"),
            "reporting", List.of("select count(*) from settlement_entry",
                    "select coalesce(sum(amount_cents), 0) from sector_load", "select coalesce(sum(version), 0) from sector_load",
                    "select coalesce(sum(version), 0) from contract_view", "select count(*) from committed_amount",
                    "select coalesce(sum(amount_cents), 0) from committed_amount",
                    "select coalesce(sum(allocation_version), 0) from contract_allocation",
                    "select count(*) from processed_event"));

    private StateFingerprint() {
    }

    static Map<String, Long> take(Databases databases) {
        Map<String, Long> fingerprint = new LinkedHashMap<>();
        for (String database : List.of("contract", "allocation", "settlement", "reporting")) {
            for (String query : QUERIES.get(database)) {
                fingerprint.put(database + ": " + query, databases.number(database, query));
            }
        }
        return fingerprint;
    }

    /** What differs between two fingerprints, as violations of the named invariant. */
    static List<Invariants.Violation> differences(String invariant, Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream()
                .filter(key -> !Objects.equals(before.get(key), after.get(key)))
                .map(key -> new Invariants.Violation(invariant, key, String.valueOf(before.get(key)), String.valueOf(after.get(key))))
                .toList();
    }
}
