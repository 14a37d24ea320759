package nl.bdss.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (one process is both broker and controller).
 * The storage is formatted on the first start only; later starts reuse the cluster id and all topics in the
 * data directory.
 *
 * <p>Run as a main: {@code --port 9092 --controller-port 9093 --data-dir data/kafka}. It stays up until SIGTERM,
 * then shuts down cleanly (controlled shutdown, logs flushed).
 */
public final class KafkaServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final String DEFAULT_DATA_DIRECTORY = "data/kafka";

    private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;

    private KafkaServer(KafkaRaftServer server, String bootstrapServers, String clusterId) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
    }

    public static KafkaServer start(int port, int controllerPort, Path dataDirectory) throws Exception {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(data);
        String clusterId = formatStorageOnFirstStart(data);
        KafkaConfig config = new KafkaConfig(brokerConfig(port, controllerPort, data), false);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        KafkaServer kafka = new KafkaServer(server, "localhost:" + port, clusterId);
        log.info("Kafka broker ready on {} (KRaft, cluster id {}, controller on localhost:{}, data directory {})",
                kafka.bootstrapServers, clusterId, controllerPort, data);
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Blocks until the broker has shut down, whether through {@link #close()} or a fatal error. */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Map<String, String> brokerConfig(int port, int controllerPort, Path data) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", data.toString());
        config.put("metadata.log.dir", data.toString());

        config.put("auto.create.topics.enable", "true");
        config.put("num.partitions", "3");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");

        // Sized for a developer machine: the default 128 MiB compaction buffer would take half the broker's heap.
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "4");
        config.put("num.recovery.threads.per.data.dir", "1");
        return config;
    }

    /** Formats the directory for a new cluster unless it already holds one; returns the cluster id in use. */
    private static String formatStorageOnFirstStart(Path data) throws Exception {
        Path metaProperties = data.resolve(META_PROPERTIES);
        if (Files.exists(metaProperties)) {
            String clusterId = readClusterId(metaProperties);
            log.info("Reusing Kafka storage in {} (cluster id {})", data, clusterId);
            return clusterId;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .addDirectory(data.toString())
                    .setMetadataLogDirectory(data.toString())
                    .run();
        }
        log.info("Formatted Kafka storage in {} for new cluster {}: {}", data, clusterId,
                formatterOutput.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }

    private static String readClusterId(Path metaProperties) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            properties.load(in);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IOException(metaProperties + " has no cluster.id; remove the directory to start a new cluster");
        }
        return clusterId;
    }

    public static void main(String[] args) {
        LocalStackLogging.configureUnlessOverridden();
        CommandLineOptions options = CommandLineOptions.parse(args, "--port", "--controller-port", "--data-dir");
        int port = options.port("--port", DEFAULT_PORT);
        int controllerPort = options.port("--controller-port", port == DEFAULT_PORT ? DEFAULT_CONTROLLER_PORT : port + 1);
        Path data = options.path("--data-dir", DEFAULT_DATA_DIRECTORY);
        KafkaServer kafka;
        try {
            kafka = start(port, controllerPort, data);
        } catch (Exception e) {
            log.error("Kafka broker failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Kafka broker");
            kafka.close();
            log.info("Kafka broker stopped");
        }, "kafka-shutdown"));
        kafka.awaitShutdown();
    }
}
