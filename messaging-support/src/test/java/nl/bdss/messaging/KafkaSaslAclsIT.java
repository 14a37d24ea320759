package nl.bdss.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.bdss.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * The docker-compose broker without Docker: ops/kafka/broker.sh starts a real KRaft broker (SASL/SCRAM-SHA-512
 * listeners, StandardAuthorizer, no ACL = no access, no auto-created topics), ops/kafka/healthcheck.sh decides it
 * is up, ops/kafka/init.sh creates the principals, topics and ACLs, all with Kafka's own command-line tools run
 * from this test's class path. Then the services' clients, configured only through {@link MessagingProperties},
 * show what each principal may and may not do.
 */
class KafkaSaslAclsIT {

    private static final String CONTRACT_VERSIONS = "bdss.contract.versions";
    private static final String ALLOCATIONS = "bdss.allocation.allocations";
    private static final String ADMIN_PASSWORD = "it-admin-" + Uuid.randomUuid();
    private static final Map<String, String> PASSWORDS = Map.of(
            "contract-service", "it-contract-" + Uuid.randomUuid(),
            "allocation-service", "it-allocation-" + Uuid.randomUuid(),
            "settlement-service", "it-settlement-" + Uuid.randomUuid(),
            "reporting-service", "it-reporting-" + Uuid.randomUuid(),
            "schema-registry", "it-schema-registry-" + Uuid.randomUuid(),
            "insurer-3311", "it-insurer-3311-" + Uuid.randomUuid(),
            "insurer-3343", "it-insurer-3343-" + Uuid.randomUuid());

    private static Path work;
    private static Path ops;
    private static Process broker;
    private static Map<String, String> environment;
    private static String bootstrap;

    @BeforeAll
    static void startTheComposeBrokerAndRunItsInit() throws Exception {
        ops = Path.of("..", "ops", "kafka").toAbsolutePath().normalize();
        work = Files.createTempDirectory("bdss-kafka-sasl");
        Path bin = kafkaCommands(work.resolve("bin"));
        int internal = freePort();
        int external = freePort();
        int controller = freePort();
        bootstrap = "localhost:" + internal;

        environment = new LinkedHashMap<>();
        environment.put("KAFKA_BIN", bin.toString());
        environment.put("CLUSTER_ID", Uuid.randomUuid().toString());
        environment.put("BDSS_KAFKA_CONFIG", work.resolve("server.properties").toString());
        environment.put("BDSS_KAFKA_DATA", work.resolve("data").toString());
        environment.put("BDSS_KAFKA_ADVERTISED_HOST", "localhost");
        environment.put("BDSS_KAFKA_INTERNAL_PORT", Integer.toString(internal));
        environment.put("BDSS_KAFKA_EXTERNAL_PORT", Integer.toString(external));
        environment.put("BDSS_KAFKA_CONTROLLER_PORT", Integer.toString(controller));
        environment.put("BDSS_KAFKA_BOOTSTRAP", bootstrap);
        environment.put("BDSS_KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("BDSS_KAFKA_CONTRACT_PASSWORD", PASSWORDS.get("contract-service"));
        environment.put("BDSS_KAFKA_ALLOCATION_PASSWORD", PASSWORDS.get("allocation-service"));
        environment.put("BDSS_KAFKA_SETTLEMENT_PASSWORD", PASSWORDS.get("settlement-service"));
        environment.put("BDSS_KAFKA_REPORTING_PASSWORD", PASSWORDS.get("reporting-service"));
        environment.put("BDSS_KAFKA_SCHEMA_REGISTRY_PASSWORD", PASSWORDS.get("schema-registry"));
        environment.put("BDSS_KAFKA_INSURERS", "3311 3343");
        environment.put("BDSS_KAFKA_INSURER_3311_PASSWORD", PASSWORDS.get("insurer-3311"));
        environment.put("BDSS_KAFKA_INSURER_3343_PASSWORD", PASSWORDS.get("insurer-3343"));

        broker = script("broker.sh").redirectErrorStream(true)
                .redirectOutput(work.resolve("broker.log").toFile()).start();
        awaitHealthy();
        Process init = script("init.sh").redirectErrorStream(true)
                .redirectOutput(work.resolve("init.log").toFile()).start();
        if (!init.waitFor(5, TimeUnit.MINUTES) || init.exitValue() != 0) {
            init.destroyForcibly();
            throw new IllegalStateException("ops/kafka/init.sh failed:\n" + Files.readString(work.resolve("init.log")));
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (work != null) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static MessagingProperties service(String principal, String password) {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
        return new MessagingProperties(bootstrap, null, null, null, null, "SASL_PLAINTEXT", "SCRAM-SHA-512", jaas,
                null);
    }

    private static MessagingProperties service(String principal) {
        return service(principal, PASSWORDS.get(principal));
    }

    private static MessagingProperties admin() {
        return service("admin", ADMIN_PASSWORD);
    }

    private static KafkaProducer<String, String> producer(MessagingProperties properties) {
        return new KafkaProducer<>(properties.kafkaClientConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)),
                new StringSerializer(), new StringSerializer());
    }

    private static void send(MessagingProperties properties, String topic, String key) throws Exception {
        try (KafkaProducer<String, String> producer = producer(properties)) {
            producer.send(new ProducerRecord<>(topic, key, "not an Avro record")).get(15, TimeUnit.SECONDS);
        }
    }

    private static Throwable sendFailure(MessagingProperties properties, String topic) {
        try {
            send(properties, topic, "k");
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void aServiceWritesItsOwnTopic() throws Exception {
        send(service("contract-service"), CONTRACT_VERSIONS, "contract-own-topic");
    }

    @Test
    void aServiceCannotWriteAnotherServicesTopic() {
        assertThat(sendFailure(service("contract-service"), ALLOCATIONS)).isInstanceOf(TopicAuthorizationException.class);
        assertThat(sendFailure(service("settlement-service"), CONTRACT_VERSIONS))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(sendFailure(service("reporting-service"), "bdss.settlement.entries"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aConsumerMayNotWriteTheTopicItConsumesNorReadOneItDoesNotConsume() {
        assertThat(sendFailure(service("allocation-service"), CONTRACT_VERSIONS))
                .isInstanceOf(TopicAuthorizationException.class);
        try (Consumer<String, String> consumer = new KafkaConsumer<>(service("settlement-service").kafkaClientConfig(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "settlement-service",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(CONTRACT_VERSIONS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRejectedAndAPlaintextClientGetsNoAnswer() {
        assertThat(sendFailure(service("contract-service", "not-the-password"), CONTRACT_VERSIONS))
                .isInstanceOf(SaslAuthenticationException.class);
        assertThat(sendFailure(new MessagingProperties(bootstrap, null, null, null, null), CONTRACT_VERSIONS))
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void theListenerContainerConsumesAsTheServiceGroupAndParksFailuresInItsOwnDeadLetterTopic() throws Exception {
        String key = "dead-letter-" + Uuid.randomUuid();
        send(service("contract-service"), CONTRACT_VERSIONS, key);

        ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConsumerConfiguration()
                .kafkaListenerContainerFactory(service("allocation-service"), "allocation-service");
        ConcurrentMessageListenerContainer<String, Object> container = factory.createContainer(CONTRACT_VERSIONS);
        container.setupMessageListener((MessageListener<String, Object>) record -> {
            throw new RejectedEventException("R0 test: every record is rejected");
        });
        container.start();
        try {
            List<ConsumerRecord<String, String>> parked = readAsAdmin(CONTRACT_VERSIONS + ".allocation-service.dlt", key);
            assertThat(parked).hasSize(1);
            assertThat(new String(parked.get(0).headers().lastHeader(ConsumerConfiguration.REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).isNotBlank();
        } finally {
            container.stop();
        }
    }

    @Test
    void initCreatesEveryTopicWithItsPartitionsAndTheRegistryStore() throws Exception {
        try (Admin admin = Admin.create(admin().kafkaClientConfig(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(CONTRACT_VERSIONS, ALLOCATIONS,
                    "bdss.settlement.entries", "bdss.reporting.sector-loads", "bdss.reporting.macro-budget-alerts",
                    "bdss.allocation.allocations.settlement-service.dlt", "bdss.settlement.entries.reporting-service.dlt",
                    Topics.insurerEntries("3311").name(), Topics.insurerPaymentRuns("3311").name(),
                    Topics.insurerEntries("3343").name(), Topics.insurerPaymentRuns("3343").name(),
                    "_schemas")).allTopicNames().get(15, TimeUnit.SECONDS);
            assertThat(topics.get(ALLOCATIONS).partitions()).hasSize(3);
            assertThat(topics.get(Topics.insurerEntries("3343").name()).partitions()).hasSize(3);
            assertThat(topics.get("_schemas").partitions()).hasSize(1);
        }
        send(service("schema-registry"), "_schemas", "registry-store");
        assertThat(sendFailure(service("schema-registry"), CONTRACT_VERSIONS))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theSettlementServiceWritesEveryInsurersOwnTopics_andAnInsurerReadsItsOwn() throws Exception {
        String key = "insurer-own-" + Uuid.randomUuid();
        for (String uzovi : List.of("3311", "3343")) {
            send(service("settlement-service"), Topics.insurerEntries(uzovi).name(), key);
            send(service("settlement-service"), Topics.insurerPaymentRuns(uzovi).name(), key);
        }

        assertThat(read(service("insurer-3311"), "insurer-3311-finance", Topics.insurerEntries("3311").name(), key))
                .singleElement().satisfies(record -> assertThat(record.topic()).isEqualTo("bdss.settlement.insurer.3311.entries"));
        assertThat(read(service("insurer-3311"), "insurer-3311-finance", Topics.insurerPaymentRuns("3311").name(), key))
                .hasSize(1);
        assertThat(read(service("insurer-3343"), "insurer-3343", Topics.insurerEntries("3343").name(), key)).hasSize(1);
    }

    @Test
    void anInsurerReadsNoOtherInsurersTopic_norTheAllInsurerTopics_norWritesItsOwn() {
        assertThatThrownBy(() -> read(service("insurer-3311"), "insurer-3311-finance",
                Topics.insurerEntries("3343").name(), "any")).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(service("insurer-3311"), "insurer-3311-finance",
                Topics.insurerPaymentRuns("3343").name(), "any")).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(service("insurer-3311"), "insurer-3311-finance", Topics.SETTLEMENTS.name(), "any"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(service("insurer-3311"), "insurer-3311-finance", Topics.PAYMENT_RUNS.name(), "any"))
                .isInstanceOf(TopicAuthorizationException.class);
        // without Write on any topic it is not even given a producer id (the refusal itself, or the producer's error
        // state caused by it, depending on whether the send or the producer id request comes first)
        assertThat(sendFailure(service("insurer-3311"), Topics.insurerEntries("3311").name())).satisfiesAnyOf(
                refused -> assertThat(refused).isInstanceOf(ClusterAuthorizationException.class),
                refused -> assertThat(refused).hasRootCauseInstanceOf(ClusterAuthorizationException.class));
    }

    @Test
    void anInsurerConsumesOnlyInGroupsNamedForIt() {
        assertThatThrownBy(() -> read(service("insurer-3311"), "insurer-3343-finance",
                Topics.insurerEntries("3311").name(), "any")).isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> read(service("insurer-3311"), "reporting-service",
                Topics.insurerEntries("3311").name(), "any")).isInstanceOf(GroupAuthorizationException.class);
    }

    /** Reads the topic from the start as the principal in the group until a record with the key arrived (or 30 s). */
    private static List<ConsumerRecord<String, String>> read(MessagingProperties properties, String group, String topic,
            String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (Consumer<String, String> consumer = new KafkaConsumer<>(properties.kafkaClientConfig(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static List<ConsumerRecord<String, String>> readAsAdmin(String topic, String key) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-admin-" + Uuid.randomUuid());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (Consumer<String, String> consumer = new KafkaConsumer<>(admin().kafkaClientConfig(config),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static ProcessBuilder script(String name) {
        ProcessBuilder builder = new ProcessBuilder("sh", ops.resolve(name).toString());
        builder.environment().putAll(environment);
        return builder;
    }

    private static void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("ops/kafka/broker.sh exited:\n" + Files.readString(work.resolve("broker.log")));
            }
            Process check = script("healthcheck.sh").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("ops/kafka/healthcheck.sh never passed:\n" + Files.readString(work.resolve("broker.log")));
    }

    /** The /opt/kafka/bin commands the scripts call, as wrappers around the classes on this test's class path. */
    private static Path kafkaCommands(Path bin) throws IOException {
        Files.createDirectories(bin);
        Map<String, String> commands = Map.of(
                "kafka-storage.sh", "-Xmx128m kafka.tools.StorageTool",
                "kafka-server-start.sh", "-Xmx384m kafka.Kafka",
                "kafka-topics.sh", "-Xmx128m org.apache.kafka.tools.TopicCommand",
                "kafka-configs.sh", "-Xmx128m kafka.admin.ConfigCommand",
                "kafka-acls.sh", "-Xmx128m org.apache.kafka.tools.AclCommand",
                "kafka-broker-api-versions.sh", "-Xmx128m org.apache.kafka.tools.BrokerApiVersionsCommand");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        for (Map.Entry<String, String> command : commands.entrySet()) {
            Path wrapper = bin.resolve(command.getKey());
            Files.writeString(wrapper, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                    + classPath + "' " + command.getValue() + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        }
        return bin;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
