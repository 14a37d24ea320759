package nl.bdss.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.bdss.system.stack.Component;
import nl.bdss.system.stack.KafkaTools;
import nl.bdss.system.stack.RunLog;
import nl.bdss.system.stack.Stack;
import nl.bdss.system.stack.StackClient;
import nl.bdss.system.workload.ContractDocuments;
import nl.bdss.system.workload.ContractVersion;
import nl.bdss.system.workload.Terms;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * After the rounds (leave it out with {@code --no-registry-outage}): the schema registry is killed while a consumer
 * restarts with an empty schema cache, and a contract is amended meanwhile through a producer whose cache is warm.
 * The consumer must hold the event until the registry answers, not park the valid event in its dead-letter topic
 * (where nothing picks it up again); the invariants after the outage say which it did. Afterwards the run replays
 * any real dead letter to its topic, the repair an operator would make, so the rest of the run checks the state
 * after it.
 */
final class RegistryOutageScenario {

    private final Stack stack;
    private final StackClient client;
    private final ContractDocuments documents;
    private final SentInputs inputs;
    private final KafkaTools kafka;
    private final RunLog log;

    RegistryOutageScenario(Stack stack, StackClient client, ContractDocuments documents, SentInputs inputs,
            KafkaTools kafka, RunLog log) {
        this.stack = stack;
        this.client = client;
        this.documents = documents;
        this.inputs = inputs;
        this.kafka = kafka;
        this.log = log;
    }

    /** Runs the outage; returns the contract amended during it. */
    String outage(Quiescence quiescence) {
        List<String> contracts = amendable();
        if (contracts.size() < 2) {
            throw new IllegalStateException("no two contracts left to amend on their last day");
        }
        amendOnLastDay(contracts.get(0), "so contract-service has the schema id in its cache");
        quiescence.await(Duration.ofSeconds(120));
        log.fault("kill -9 schema-registry (pid %d), kept down", stack.pid(Component.SCHEMA_REGISTRY));
        stack.kill(Component.SCHEMA_REGISTRY);
        stack.restart(Component.ALLOCATION, Duration.ZERO, List.of(), pid -> log.fault(
                "kill -9 allocation-service (pid %d): it comes back with an empty schema cache while the registry is down", pid));
        String amended = contracts.get(1);
        amendOnLastDay(amended, "during the registry outage");
        Stack.sleep(Duration.ofSeconds(10));
        stack.start(Component.SCHEMA_REGISTRY, List.of());
        log.say("schema-registry back");
        return amended;
    }

    /**
     * Re-produces every dead letter the harness did not inject to its topic (the operator's repair), and tells the
     * invariants those are dealt with. Returns how many there were.
     */
    int replayRealDeadLetters(Invariants invariants) {
        List<ProducerRecord<byte[], byte[]>> replays = new ArrayList<>();
        for (String topic : kafka.topics().stream().filter(name -> name.endsWith(".dlt")).sorted().toList()) {
            String source = topic.substring(0, sourceTopicLength(topic));
            for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(topic)) {
                if (record.headers().lastHeader(Invariants.PROBE_HEADER) == null && invariants.acknowledge(record)) {
                    log.say("repair: %s-%d@%d (%s) back to %s", topic, record.partition(), record.offset(),
                            Invariants.header(record, Invariants.REASON_HEADER), source);
                    replays.add(new ProducerRecord<>(source, record.key(), record.value()));
                }
            }
        }
        kafka.produce(replays);
        return replays.size();
    }

    /** {@code <topic>.<group>.dlt}: the topic is everything before the group, and the groups are the services. */
    private static int sourceTopicLength(String deadLetterTopic) {
        for (String group : Invariants.SUBSCRIPTIONS.keySet()) {
            String suffix = "." + group + ".dlt";
            if (deadLetterTopic.endsWith(suffix)) {
                return deadLetterTopic.length() - suffix.length();
            }
        }
        throw new IllegalArgumentException("not a dead-letter topic of a service: " + deadLetterTopic);
    }

    /** Active contracts whose amendments all lie before their last day: an amendment on that day keeps the order. */
    private List<String> amendable() {
        List<String> amendable = new ArrayList<>();
        for (Map.Entry<String, List<ContractVersion>> contract : inputs.contracts().entrySet()) {
            List<ContractVersion> versions = contract.getValue();
            ContractVersion last = versions.get(versions.size() - 1);
            Optional<ContractVersion> lastAmendment = versions.stream()
                    .filter(v -> v.change() == ContractVersion.Change.AMENDED).reduce((a, b) -> b);
            if (last.change() != ContractVersion.Change.TERMINATED && lastAmendment
                    .map(a -> a.effectiveFrom().isBefore(last.terms().validUntil())).orElse(true)
                    && last.terms().validUntil().isAfter(last.terms().validFrom())) {
                amendable.add(contract.getKey());
            }
        }
        return amendable;
    }

    private void amendOnLastDay(String contractId, String why) {
        List<ContractVersion> versions = inputs.contracts().get(contractId);
        Terms terms = versions.get(versions.size() - 1).terms();
        ContractVersion amendment = ContractVersion.amended(terms.validUntil(), terms.withLumpSum(terms.lumpSumCents() + 12_345));
        client.amend(StackClient.insurer(terms.insurers().get(0)), contractId, null, amendment.effectiveFrom(),
                documents.document(amendment.terms()), "fi-outage-" + contractId + "-v" + (versions.size() + 1));
        inputs.changed(inputs.handle(contractId), amendment);
        log.say("amended %s %s on its last day %s, %s", inputs.handle(contractId), contractId, terms.validUntil(), why);
    }
}
