package nl.bdss.system.faults;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.bdss.events.Topics;
import nl.bdss.system.ledger.ExpectedLedger.Allocation;
import nl.bdss.system.ledger.ExpectedLedger.Target;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.Databases;
import nl.bdss.system.stack.KafkaTools;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.Terms;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;

/**
 * The properties that must hold once the stack is quiet, whatever was killed on the way. Each is read from the
 * services' own databases over JDBC, the topics with a plain client, and settlement's ledger endpoint, and compared
 * with the expected ledger the harness computed from its inputs. A violation names the invariant, the key, the
 * expected and the actual value.
 */
final class Invariants {

    /** The header the harness puts on every record it injects, so its dead letters are told from real ones. */
    static final String PROBE_HEADER = "fi-probe";
    static final String REASON_HEADER = "bdss_dlt-reason";

    /** The topics each consumer group reads (the group is the service's name). */
    static final Map<String, List<String>> SUBSCRIPTIONS = Map.of(
            Component.ALLOCATION.processName(), List.of(Topics.CONTRACT_VERSIONS.name()),
            Component.SETTLEMENT.processName(), List.of(Topics.ALLOCATIONS.name()),
            Component.REPORTING.processName(), List.of(Topics.SETTLEMENTS.name(), Topics.CONTRACT_VERSIONS.name(),
                    Topics.ALLOCATIONS.name()));

    record Violation(String invariant, String key, String expected, String actual) {
        @Override
        public String toString() {
            return invariant + " | " + key + " | expected " + expected + " | actual " + actual;
        }
    }

    /** One invariant's outcome: how many keys it compared and what differed. */
    record Result(String invariant, int checked, List<Violation> violations) {
        boolean holds() {
            return violations.isEmpty();
        }
    }

    record Report(String when, List<Result> results) {

        boolean holds() {
            return results.stream().allMatch(Result::holds);
        }

        List<Violation> violations() {
            return results.stream().flatMap(result -> result.violations().stream()).toList();
        }
    }

    private final Databases databases;
    private final KafkaTools kafka;
    private final Set<String> repairedDeadLetters = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final StackClient client;
    private final SentInputs inputs;

    Invariants(Databases databases, KafkaTools kafka, StackClient client, SentInputs inputs) {
        this.databases = databases;
        this.kafka = kafka;
        this.client = client;
        this.inputs = inputs;
    }

    Report check(String when, LocalDate today) {
        Map<String, Allocation> expected = inputs.allocations(today);
        Map<Target, Long> expectedSettled = new TreeMap<>();
        expected.values().forEach(allocation -> expectedSettled.putAll(allocation.settled(today)));
        List<Result> results = new ArrayList<>();
        results.add(settledNet(expectedSettled));
        results.add(currentAllocation(expected));
        results.add(noEntryTwice());
        results.add(reportingEntries());
        results.add(sectorLoads(expectedSettled));
        results.add(reportingContracts(expected));
        results.add(contractAndAllocationServices(expected));
        results.add(paymentRuns());
        results.add(debitsEqualCredits());
        results.add(outboxesDrained());
        results.add(consumerLag());
        results.add(onlyInjectedDeadLetters());
        return new Report(when, results);
    }

    // -------------------------------------------------------------------------------------------------------------

    private Result settledNet(Map<Target, Long> expected) {
        Map<Target, Long> actual = new TreeMap<>();
        databases.query("settlement", """
                        select contract_id, period_start, uzovi, payee_agb, sector, sum(amount_cents)
                        from settlement_entry group by 1, 2, 3, 4, 5""",
                row -> actual.put(new Target(row.getString(1), row.getObject(2, LocalDate.class), row.getString(3).trim(),
                        row.getString(4).trim(), row.getString(5)), row.getLong(6)));
        actual.values().removeIf(net -> net == 0);
        return compare("settled net per (contract, period, insurer, payee, sector) = expected ledger",
                expected, actual, this::label);
    }

    private Result currentAllocation(Map<String, Allocation> expected) {
        Map<Target, Long> payable = new TreeMap<>();
        expected.values().forEach(allocation -> payable.putAll(allocation.payable()));
        Map<Target, Long> stored = new TreeMap<>();
        databases.query("settlement", """
                        select contract_id, period_start, uzovi, payee_agb, sector, amount_cents from allocation_line""",
                row -> stored.put(new Target(row.getString(1), row.getObject(2, LocalDate.class), row.getString(3).trim(),
                        row.getString(4).trim(), row.getString(5)), row.getLong(6)));
        Result lines = compare("settlement's current allocation = expected allocation (every period, due or not)",
                payable, stored, this::label);
        Map<String, String> statusExpected = new TreeMap<>();
        expected.forEach((id, allocation) -> statusExpected.put(id, allocation.complete() ? "COMPLETE" : "PENDING"));
        Map<String, String> statusStored = new TreeMap<>();
        databases.query("settlement", "select contract_id, status from contract_allocation",
                row -> statusStored.put(row.getString(1), row.getString(2)));
        Result status = compare("allocation status", statusExpected, statusStored, this::label);
        return merge(lines.invariant(), lines, status);
    }

    /**
     * Payment runs (issue 16): an instruction is in at most one transfer the bank did not reject; every instruction of
     * an accepted transfer is acknowledged, none of a rejected transfer is unless another transfer paid it, and none
     * stays held by the run whose transfer was rejected; a transfer's amount is the net of its instructions; a claim
     * belongs to an item of its own run.
     */
    private Result paymentRuns() {
        String invariant = "payment runs: no instruction paid twice, none lost across a run, a rejection and the next";
        List<Violation> violations = new ArrayList<>();
        databases.query("settlement", """
                        select i.entry_id::text, count(*) from payment_run_item i join payment_run r on r.id = i.run_id
                        left join payment_run_transfer_status s on s.end_to_end_id = i.end_to_end_id
                        where r.status <> 'CANCELLED' and coalesce(s.outcome, '') <> 'REJECTED'
                        group by 1 having count(*) > 1""",
                row -> violations.add(new Violation(invariant, "instruction " + row.getString(1),
                        "in at most 1 transfer not rejected", row.getLong(2) + " transfers")));
        databases.query("settlement", """
                        select i.entry_id::text, i.end_to_end_id from payment_run_item i
                        join payment_run_transfer_status s on s.end_to_end_id = i.end_to_end_id and s.outcome = 'ACCEPTED'
                        where not exists (select 1 from payment_acknowledgement a where a.entry_id = i.entry_id)""",
                row -> violations.add(new Violation(invariant, "instruction " + row.getString(1),
                        "acknowledged (transfer " + row.getString(2) + " accepted)", "not acknowledged")));
        databases.query("settlement", """
                        select i.entry_id::text, i.end_to_end_id from payment_run_item i
                        join payment_run_transfer_status s on s.end_to_end_id = i.end_to_end_id and s.outcome = 'REJECTED'
                        where exists (select 1 from payment_acknowledgement a where a.entry_id = i.entry_id)
                          and not exists (select 1 from payment_run_item j join payment_run_transfer_status t
                                          on t.end_to_end_id = j.end_to_end_id and t.outcome = 'ACCEPTED'
                                          where j.entry_id = i.entry_id)""",
                row -> violations.add(new Violation(invariant, "instruction " + row.getString(1),
                        "open (transfer " + row.getString(2) + " rejected)", "acknowledged")));
        databases.query("settlement", """
                        select c.entry_id::text, i.end_to_end_id from payment_run_claim c
                        join payment_run_item i on i.entry_id = c.entry_id and i.run_id = c.run_id
                        join payment_run_transfer_status s on s.end_to_end_id = i.end_to_end_id and s.outcome = 'REJECTED'""",
                row -> violations.add(new Violation(invariant, "instruction " + row.getString(1),
                        "free for the next run", "still held by rejected transfer " + row.getString(2))));
        databases.query("settlement", """
                        select t.end_to_end_id, t.amount_cents, sum(e.amount_cents) from payment_run_transfer t
                        join payment_run_item i on i.end_to_end_id = t.end_to_end_id
                        join settlement_entry e on e.id = i.entry_id
                        group by 1, 2 having t.amount_cents <> sum(e.amount_cents)""",
                row -> violations.add(new Violation(invariant, "transfer " + row.getString(1),
                        row.getLong(3) + " cents (its instructions)", row.getLong(2) + " cents")));
        databases.query("settlement", """
                        select c.entry_id::text from payment_run_claim c where not exists
                        (select 1 from payment_run_item i where i.entry_id = c.entry_id and i.run_id = c.run_id)""",
                row -> violations.add(new Violation(invariant, "claim " + row.getString(1), "an item of its run",
                        "no such item")));
        int checked = (int) databases.number("settlement", "select count(*) from payment_run_item");
        return new Result(invariant, checked, violations);
    }

    private Result noEntryTwice() {
        String invariant = "no payment instruction or entry twice (unique business key)";
        List<Violation> violations = new ArrayList<>();
        databases.query("settlement", "select entry_key, count(*) from settlement_entry group by 1 having count(*) > 1",
                row -> violations.add(new Violation(invariant, "entry " + row.getString(1), "1 entry", row.getLong(2) + " entries")));
        databases.query("settlement", "select event_id, count(*) from settlement_entry group by 1 having count(*) > 1",
                row -> violations.add(new Violation(invariant, "event " + row.getString(1), "1 entry", row.getLong(2) + " entries")));
        databases.query("settlement", """
                        select contract_id, period_start, uzovi, payee_agb, sector, count(*) from settlement_entry
                        where kind = 'LUMP_SUM' group by 1, 2, 3, 4, 5 having count(*) > 1""",
                row -> violations.add(new Violation(invariant, "lump sum " + row.getString(1) + "|" + row.getObject(2)
                        + "|" + row.getString(3) + "|" + row.getString(4) + "|" + row.getString(5), "1 payment instruction",
                        row.getLong(6) + " payment instructions")));
        databases.query("settlement", """
                        select c.entry_key, coalesce(l.kind, 'nothing') from settlement_entry c
                        left join settlement_entry l on l.entry_key = c.corrects_entry_key
                        where c.kind = 'CORRECTION' and (l.entry_key is null or l.kind <> 'LUMP_SUM'
                            or (l.contract_id, l.period_start, l.uzovi, l.payee_agb, l.sector)
                               <> (c.contract_id, c.period_start, c.uzovi, c.payee_agb, c.sector))""",
                row -> violations.add(new Violation(invariant, "correction " + row.getString(1),
                        "corrects the lump sum of its own target", "corrects " + row.getString(2))));
        long reportingDuplicates = databases.number("reporting",
                "select count(*) from (select event_id from settlement_entry group by 1 having count(*) > 1) d");
        if (reportingDuplicates > 0) {
            violations.add(new Violation(invariant, "reporting settlement_entry", "each event once",
                    reportingDuplicates + " events more than once"));
        }
        int checked = (int) databases.number("settlement", "select count(*) from settlement_entry");
        return new Result(invariant, checked, violations);
    }

    private Result reportingEntries() {
        Map<String, String> settled = new TreeMap<>();
        databases.query("settlement", "select entry_key, amount_cents, sector, period_start from settlement_entry",
                row -> settled.put(row.getString(1), row.getLong(2) + " cents " + row.getString(3) + " "
                        + row.getObject(4, LocalDate.class).getYear()));
        Map<String, String> reported = new TreeMap<>();
        databases.query("reporting", "select entry_id, amount_cents, sector, service_year from settlement_entry",
                row -> reported.put(row.getString(1), row.getLong(2) + " cents " + row.getString(3) + " " + row.getInt(4)));
        return compare("reporting holds every settlement entry exactly once", settled, reported, Function.identity());
    }

    private Result sectorLoads(Map<Target, Long> expectedSettled) {
        Map<String, Long> expected = new TreeMap<>();
        expectedSettled.forEach((target, cents) -> expected.merge(target.sector() + " " + target.periodStart().getYear(),
                cents, Long::sum));
        Map<String, Long> settled = new TreeMap<>();
        databases.query("settlement", "select sector, extract(year from period_start)::int, sum(amount_cents) "
                        + "from settlement_entry group by 1, 2",
                row -> settled.put(row.getString(1) + " " + row.getInt(2), row.getLong(3)));
        Map<String, Long> loads = new TreeMap<>();
        databases.query("reporting", "select sector, load_year, amount_cents from sector_load",
                row -> loads.put(row.getString(1) + " " + row.getInt(2), row.getLong(3)));
        String invariant = "sector load per sector-year = settlement entries = expected ledger";
        return merge(invariant,
                compare(invariant + " (reporting vs settlement)", withoutZeros(settled), withoutZeros(loads), Function.identity()),
                compare(invariant + " (settlement vs expected)", withoutZeros(expected), withoutZeros(settled), Function.identity()));
    }

    private Result reportingContracts(Map<String, Allocation> expected) {
        Map<String, String> wanted = new TreeMap<>();
        Map<String, Integer> versions = new TreeMap<>();
        databases.query("contract", "select id::text, version from contract", row -> versions.put(row.getString(1), row.getInt(2)));
        inputs.contracts().forEach((id, history) -> {
            Terms latest = history.get(history.size() - 1).terms();
            boolean terminated = history.get(history.size() - 1).change() == ContractVersion.Change.TERMINATED;
            wanted.put(id, "v" + versions.get(id) + " " + (terminated ? "TERMINATED" : "ACTIVE") + " until "
                    + latest.validUntil() + " lump sum " + latest.lumpSumCents() + " per " + latest.period());
        });
        Map<String, String> viewed = new TreeMap<>();
        databases.query("reporting", "select contract_id, version, status, valid_until, lump_sum_cents, budget_period from contract_view",
                row -> viewed.put(row.getString(1), "v" + row.getInt(2) + " " + row.getString(3) + " until "
                        + row.getObject(4, LocalDate.class) + " lump sum " + row.getLong(5) + " per " + row.getString(6)));
        Result contracts = compare("reporting's contract view = the latest contract version", wanted, viewed, this::label);

        Map<String, Long> committed = new TreeMap<>();
        expected.forEach((id, allocation) -> allocation.committed().forEach((key, cents) -> committed.put(id + "|" + key, cents)));
        Map<String, Long> reportedCommitted = new TreeMap<>();
        databases.query("reporting", "select contract_id, load_year, domain, sector, amount_cents from committed_amount",
                row -> reportedCommitted.put(row.getString(1) + "|" + row.getInt(2) + "|" + row.getString(3) + "|"
                        + row.getString(4), row.getLong(5)));
        Result amounts = compare("reporting's committed amounts = expected allocation per year, domain and sector",
                committed, reportedCommitted, this::label);
        return merge("reporting's contract read models agree with the contracts and the ledger", contracts, amounts);
    }

    private Result contractAndAllocationServices(Map<String, Allocation> expected) {
        Map<String, String> wanted = new TreeMap<>();
        inputs.contracts().forEach((id, history) -> {
            ContractVersion last = history.get(history.size() - 1);
            wanted.put(id, (last.change() == ContractVersion.Change.TERMINATED ? "TERMINATED" : "ACTIVE") + " until "
                    + last.terms().validUntil() + ", allocation " + (expected.get(id).complete() ? "COMPLETE" : "PENDING"));
        });
        Map<String, Integer> contractVersions = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        databases.query("contract", "select id::text, status, valid_until, version from contract", row -> {
            contractVersions.put(row.getString(1), row.getInt(4));
            return actual.put(row.getString(1), row.getString(2) + " until " + row.getObject(3, LocalDate.class));
        });
        Map<String, String> allocationStatus = new TreeMap<>();
        databases.query("allocation", """
                        select distinct on (contract_id) contract_id, status from allocation
                        order by contract_id, allocation_version desc""",
                row -> allocationStatus.put(row.getString(1), row.getString(2)));
        actual.replaceAll((id, text) -> text + ", allocation " + allocationStatus.getOrDefault(id, "none"));
        Result states = compare("contract and allocation services hold every accepted version", wanted, actual, this::label);
        Map<String, Integer> applied = new TreeMap<>();
        databases.query("allocation", "select contract_id, version from contract_terms",
                row -> applied.put(row.getString(1), row.getInt(2)));
        Result versions = compare("allocation applied the latest contract version", contractVersions, applied, this::label);
        return merge(states.invariant(), states, versions);
    }

    private Result debitsEqualCredits() {
        String invariant = "debits = credits (ledger postings, and settlement's GET /api/v1/ledger/invariants)";
        List<Violation> violations = new ArrayList<>();
        long debits = databases.number("settlement", "select coalesce(sum(debit_cents), 0) from ledger_posting");
        long credits = databases.number("settlement", "select coalesce(sum(credit_cents), 0) from ledger_posting");
        if (debits != credits) {
            violations.add(new Violation(invariant, "ledger_posting totals", "debits = credits", debits + " debit, " + credits + " credit"));
        }
        databases.query("settlement", """
                        select booking_ref, sum(debit_cents), sum(credit_cents) from ledger_posting group by 1
                        having sum(debit_cents) <> sum(credit_cents)""",
                row -> violations.add(new Violation(invariant, "booking " + row.getString(1), "balanced",
                        row.getLong(2) + " debit, " + row.getLong(3) + " credit")));
        JsonNode report = client.ledgerInvariants();
        if (!report.path("holds").asBoolean(false)) {
            violations.add(new Violation(invariant, "GET /api/v1/ledger/invariants", "holds=true", report.toString()));
        }
        return new Result(invariant, (int) databases.number("settlement", "select count(*) from ledger_posting"), violations);
    }

    private Result outboxesDrained() {
        String invariant = "every outbox drained";
        List<Violation> violations = new ArrayList<>();
        for (Component service : Component.services()) {
            long left = databases.number(service.database(), "select count(*) from outbox_message");
            if (left != 0) {
                violations.add(new Violation(invariant, service + " outbox_message", "0 rows", left + " rows"));
            }
        }
        return new Result(invariant, Component.services().size(), violations);
    }

    private Result consumerLag() {
        String invariant = "consumer lag 0 for every group";
        List<Violation> violations = new ArrayList<>();
        Map<String, Map<TopicPartition, Long>> lags = lags();
        int checked = 0;
        for (Map.Entry<String, Map<TopicPartition, Long>> group : lags.entrySet()) {
            for (Map.Entry<TopicPartition, Long> lag : group.getValue().entrySet()) {
                checked++;
                if (lag.getValue() != 0) {
                    violations.add(new Violation(invariant, group.getKey() + " " + lag.getKey(), "lag 0", "lag " + lag.getValue()));
                }
            }
        }
        return new Result(invariant, checked, violations);
    }

    /**
     * The lag of every consumer group on every partition of the topics it reads (a partition it never committed
     * counts from 0), and of any other group on what it committed.
     */
    Map<String, Map<TopicPartition, Long>> lags() {
        Map<String, Map<TopicPartition, Long>> lags = new TreeMap<>();
        Set<String> groups = new TreeSet<>(kafka.consumerGroups());
        groups.addAll(SUBSCRIPTIONS.keySet());
        for (String group : groups) {
            if (group.startsWith(KafkaTools.READER_GROUP_PREFIX)) {
                continue;
            }
            Map<TopicPartition, Long> committed = kafka.committed(group);
            Set<String> topics = new TreeSet<>(SUBSCRIPTIONS.getOrDefault(group, List.of()));
            committed.keySet().forEach(partition -> topics.add(partition.topic()));
            Map<TopicPartition, Long> ends = kafka.endOffsets(topics);
            Map<TopicPartition, Long> lag = new TreeMap<>(KafkaTools::compare);
            ends.forEach((partition, end) -> lag.put(partition, end - committed.getOrDefault(partition, 0L)));
            lags.put(group, lag);
        }
        return lags;
    }

    /** A real dead letter an operator replayed to its topic: no longer lost. Returns whether it was new. */
    boolean acknowledge(ConsumerRecord<byte[], byte[]> deadLetter) {
        return repairedDeadLetters.add(deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset());
    }

    private Result onlyInjectedDeadLetters() {
        String invariant = "no real event dead-lettered (every dead letter is one the harness injected)";
        List<Violation> violations = new ArrayList<>();
        int checked = 0;
        for (String topic : kafka.topics().stream().filter(name -> name.endsWith(".dlt")).sorted().toList()) {
            for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(topic)) {
                checked++;
                if (record.headers().lastHeader(PROBE_HEADER) == null
                        && !repairedDeadLetters.contains(topic + "-" + record.partition() + "@" + record.offset())) {
                    violations.add(new Violation(invariant, topic + "-" + record.partition() + "@" + record.offset()
                            + " key " + text(record.key()), "no dead letter", "dead letter: " + header(record, REASON_HEADER)));
                }
            }
        }
        return new Result(invariant, checked, violations);
    }

    // -------------------------------------------------------------------------------------------------------------

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    private String label(Object key) {
        String text = String.valueOf(key);
        String contractId = text.split("\\|")[0];
        String handle = inputs.handle(contractId);
        return "?".equals(handle) ? text : handle + " " + text;
    }

    private static <K, V> Result compare(String invariant, Map<K, V> expected, Map<K, V> actual, Function<K, String> label) {
        List<Violation> violations = new ArrayList<>();
        Set<K> keys = new java.util.LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (K key : keys) {
            V want = expected.get(key);
            V have = actual.get(key);
            if (!Objects.equals(want, have)) {
                violations.add(new Violation(invariant, label.apply(key), want == null ? "nothing" : want.toString(),
                        have == null ? "nothing" : have.toString()));
            }
        }
        return new Result(invariant, keys.size(), violations);
    }

    private static Result merge(String invariant, Result... parts) {
        List<Violation> violations = new ArrayList<>();
        int checked = 0;
        for (Result part : parts) {
            violations.addAll(part.violations());
            checked += part.checked();
        }
        return new Result(invariant, checked, violations);
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> amounts) {
        Map<String, Long> nonZero = new LinkedHashMap<>();
        amounts.forEach((key, value) -> {
            if (value != 0) {
                nonZero.put(key, value);
            }
        });
        return nonZero;
    }

    /** A few words per invariant for the run's output. */
    static String summary(Report report) {
        return report.results().stream()
                .map(result -> String.format("  %s %-95s %6d checked%s", result.holds() ? "OK  " : "FAIL", result.invariant(),
                        result.checked(), result.holds() ? "" : ", " + result.violations().size() + " violations"))
                .collect(Collectors.joining("\n"));
    }
}
