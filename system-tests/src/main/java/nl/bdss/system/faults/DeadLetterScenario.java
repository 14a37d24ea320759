package nl.bdss.system.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import nl.bdss.events.Topics;
import nl.bdss.events.allocation.AllocationCalculated;
import nl.bdss.events.allocation.AllocationLine;
import nl.bdss.events.allocation.AllocationStatus;
import nl.bdss.events.common.LegalDomain;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import nl.bdss.system.stack.KafkaTools;
import nl.bdss.system.stack.RunLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Poison on the three consumed topics, keyed like real contracts so it sits in their partitions: garbage bytes,
 * schema-valid events the consumers' rules refuse (a contract version with a negative lump sum, an allocation with
 * a negative Zvw line without a sector, a settlement entry whose period spans two years, each for a contract no one
 * knows), and real events whose schema id was damaged. Each must land in {@code <topic>.<group>.dlt} of every group
 * that reads the topic, with the reason in {@code bdss_dlt-reason}, while the partition keeps flowing. Then the dead
 * letters are replayed to their topic, the damaged ones after repairing the schema id: the repaired ones are
 * duplicates the inboxes drop, the others are parked again, and nothing changes.
 */
final class DeadLetterScenario {

    enum Kind { GARBAGE, INVALID, DAMAGED }

    /** One injected record and where it went. */
    record Probe(String id, Kind kind, String topic, String key, int partition, long offset, int schemaId,
            List<String> deadLetterTopics) {
    }

    record Outcome(List<Invariants.Violation> violations, Map<String, String> reasons, int parked) {
    }

    private final KafkaTools kafka;
    private final RunLog log;
    private final Random random;
    private final ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
    private final ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();

    DeadLetterScenario(KafkaTools kafka, String registryUrl, RunLog log, Random random) {
        this.kafka = kafka;
        this.log = log;
        this.random = random;
        Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                SerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(config, false);
        deserializer.configure(config, false);
    }

    /** The dead-letter topic of each group that reads {@code topic}. */
    static List<String> deadLetterTopics(String topic) {
        return Invariants.SUBSCRIPTIONS.entrySet().stream()
                .filter(subscription -> subscription.getValue().contains(topic))
                .map(subscription -> topic + "." + subscription.getKey() + ".dlt")
                .sorted().toList();
    }

    List<Probe> inject(List<String> keys, String tag) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Probe> planned = new ArrayList<>();
        int k = 0;
        for (String topic : List.of(Topics.CONTRACT_VERSIONS.name(), Topics.ALLOCATIONS.name(), Topics.SETTLEMENTS.name())) {
            List<ConsumerRecord<byte[], byte[]>> real = kafka.readAll(topic).stream()
                    .filter(record -> record.headers().lastHeader(Invariants.PROBE_HEADER) == null).toList();
            for (Kind kind : Kind.values()) {
                String key = keys.get(k++ % keys.size());
                String id = tag + "-" + kind + "-" + topic;
                byte[] value;
                int schemaId = 0;
                switch (kind) {
                    case GARBAGE -> value = ("garbage from the fault injection " + id + " " + random.nextLong())
                            .getBytes(StandardCharsets.UTF_8);
                    case INVALID -> value = invalid(topic, real);
                    default -> {
                        byte[] original = real.get(random.nextInt(real.size())).value();
                        schemaId = ByteBuffer.wrap(original, 1, 4).getInt();
                        value = original.clone();
                        ByteBuffer.wrap(value, 1, 4).putInt(900_000 + random.nextInt(99_999));
                    }
                }
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
                record.headers().add(new RecordHeader(Invariants.PROBE_HEADER, id.getBytes(StandardCharsets.UTF_8)));
                records.add(record);
                planned.add(new Probe(id, kind, topic, key, -1, -1, schemaId, deadLetterTopics(topic)));
            }
        }
        List<RecordMetadata> written = kafka.produce(records);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Probe probe = planned.get(i);
            probes.add(new Probe(probe.id(), probe.kind(), probe.topic(), probe.key(), written.get(i).partition(),
                    written.get(i).offset(), probe.schemaId(), probe.deadLetterTopics()));
        }
        probes.forEach(probe -> log.say("poison: %s into %s-%d@%d (key %s)", probe.kind(), probe.topic(), probe.partition(),
                probe.offset(), probe.key()));
        return probes;
    }

    /** A real event of the topic, changed so that the consumers' business rules refuse it. */
    private byte[] invalid(String topic, List<ConsumerRecord<byte[], byte[]>> real) {
        String unknownContract = UUID.randomUUID().toString();
        if (topic.equals(Topics.CONTRACT_VERSIONS.name())) {
            ContractVersionPublished event = (ContractVersionPublished) decoded(real, r -> true);
            event.setEventId(UUID.randomUUID());
            event.setContractId(unknownContract);
            event.getContract().getBudget().setLumpSumCents(-12_345L);
            return serializer.serialize(topic, event);
        }
        if (topic.equals(Topics.ALLOCATIONS.name())) {
            AllocationCalculated event = (AllocationCalculated) decoded(real, r -> r instanceof AllocationCalculated a
                    && a.getStatus() == AllocationStatus.COMPLETE && a.getPeriods().stream()
                            .anyMatch(p -> p.getLines().stream().anyMatch(l -> l.getDomain() == LegalDomain.ZVW)));
            event.setEventId(UUID.randomUUID());
            event.setContractId(unknownContract);
            event.setAllocationVersion(1);
            AllocationLine line = event.getPeriods().stream().flatMap(p -> p.getLines().stream())
                    .filter(l -> l.getDomain() == LegalDomain.ZVW).findFirst().orElseThrow();
            line.setAmountCents(-line.getAmountCents());
            line.setSector(null);
            return serializer.serialize(topic, event);
        }
        SettlementBooked event = (SettlementBooked) decoded(real, r -> true);
        event.setEventId(UUID.randomUUID());
        event.setContractId(unknownContract);
        event.setEntryId(unknownContract + "|" + event.getPeriodStart() + "|invalid");
        LocalDate start = event.getPeriodStart();
        event.setPeriodEnd(start.plusYears(1));
        return serializer.serialize(topic, event);
    }

    private Object decoded(List<ConsumerRecord<byte[], byte[]>> real, Predicate<Object> wanted) {
        for (ConsumerRecord<byte[], byte[]> record : real) {
            try {
                Object value = deserializer.deserialize(record.topic(), record.value());
                if (wanted.test(value)) {
                    return value;
                }
            } catch (RuntimeException undecodable) {
                // an earlier probe or a damaged copy: not a template
            }
        }
        throw new IllegalStateException("no usable real event to derive an invalid one from");
    }

    /**
     * Every probe (or its replay {@code suffix}) parked in the dead-letter topic of every group reading its topic,
     * with a reason; nothing for repaired replays.
     */
    Outcome checkParked(List<Probe> probes, String suffix, boolean repairedDamaged) {
        String invariant = "dead letters parked in <topic>.<group>.dlt with bdss_dlt-reason"
                + (suffix.isEmpty() ? "" : " (replay" + suffix + ")");
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byProbe = new TreeMap<>();
        for (String topic : probes.stream().flatMap(p -> p.deadLetterTopics().stream()).distinct().toList()) {
            for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(topic)) {
                String probe = Invariants.header(record, Invariants.PROBE_HEADER);
                if (probe != null) {
                    byProbe.computeIfAbsent(topic + " " + probe, x -> new ArrayList<>()).add(record);
                }
            }
        }
        List<Invariants.Violation> violations = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        int parked = 0;
        for (Probe probe : probes) {
            boolean expected = !(repairedDamaged && probe.kind() == Kind.DAMAGED);
            for (String topic : probe.deadLetterTopics()) {
                List<ConsumerRecord<byte[], byte[]>> found = byProbe.getOrDefault(topic + " " + probe.id() + suffix, List.of());
                if (!expected) {
                    if (!found.isEmpty()) {
                        violations.add(new Invariants.Violation(invariant, probe.id() + suffix + " in " + topic,
                                "not parked (repaired, a duplicate)", found.size() + " dead letters"));
                    }
                    continue;
                }
                if (found.isEmpty()) {
                    violations.add(new Invariants.Violation(invariant, probe.id() + suffix + " in " + topic,
                            "1 dead letter", "none"));
                    continue;
                }
                parked += found.size();
                String reason = Invariants.header(found.get(0), Invariants.REASON_HEADER);
                if (reason == null || reason.isBlank()) {
                    violations.add(new Invariants.Violation(invariant, probe.id() + suffix + " in " + topic,
                            "a " + Invariants.REASON_HEADER + " header", "none"));
                }
                reasons.putIfAbsent(probe.kind() + " on " + probe.topic(), reason);
            }
        }
        return new Outcome(violations, reasons, parked);
    }

    /** Each probe's partition was consumed past it by every group that reads the topic. */
    List<Invariants.Violation> checkFlowed(List<Probe> probes) {
        String invariant = "the partition kept flowing past its dead letter";
        List<Invariants.Violation> violations = new ArrayList<>();
        for (Probe probe : probes) {
            TopicPartition partition = new TopicPartition(probe.topic(), probe.partition());
            for (String topic : probe.deadLetterTopics()) {
                String group = topic.substring(probe.topic().length() + 1, topic.length() - ".dlt".length());
                long committed = kafka.committed(group).getOrDefault(partition, 0L);
                if (committed <= probe.offset()) {
                    violations.add(new Invariants.Violation(invariant, group + " " + partition, "committed past "
                            + probe.offset(), "committed " + committed));
                }
            }
        }
        return violations;
    }

    /**
     * Re-produces every probe's dead letter to its topic (once per probe, although it was parked once per group);
     * damaged ones with their schema id repaired. Returns how many records went out.
     */
    int replay(List<Probe> probes, String suffix) {
        Map<String, ConsumerRecord<byte[], byte[]>> letters = new LinkedHashMap<>();
        for (String topic : probes.stream().flatMap(p -> p.deadLetterTopics().stream()).distinct().toList()) {
            for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(topic)) {
                String probe = Invariants.header(record, Invariants.PROBE_HEADER);
                if (probe != null) {
                    letters.putIfAbsent(probe, record);
                }
            }
        }
        List<ProducerRecord<byte[], byte[]>> replays = new ArrayList<>();
        for (Probe probe : probes) {
            ConsumerRecord<byte[], byte[]> letter = letters.get(probe.id());
            if (letter == null) {
                continue;
            }
            byte[] value = letter.value().clone();
            if (probe.kind() == Kind.DAMAGED) {
                ByteBuffer.wrap(value, 1, 4).putInt(probe.schemaId());
            }
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(probe.topic(), letter.key(), value);
            record.headers().add(new RecordHeader(Invariants.PROBE_HEADER,
                    (probe.id() + suffix).getBytes(StandardCharsets.UTF_8)));
            replays.add(record);
        }
        kafka.produce(replays);
        return replays.size();
    }
}
