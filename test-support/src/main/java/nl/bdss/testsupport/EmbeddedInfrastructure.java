package nl.bdss.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.bdss.registry.SchemaRegistryServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Kafka (KRaft), PostgreSQL and the schema registry in this JVM or as its child processes, on free ports. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final EmbeddedPostgres postgres;
    private final SchemaRegistryServer registry;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    EmbeddedInfrastructure() {
        try {
            kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "num.partitions", "3",
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "5"));
            kafka.afterPropertiesSet();
            postgres = EmbeddedPostgres.builder().start();
            Path registryData = Files.createTempDirectory("bdss-registry");
            registry = SchemaRegistryServer.start("127.0.0.1", 0, registryData);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded infrastructure", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
    }

    private void stop() {
        registry.close();
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going down; the binaries' directory is temporary
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String schemaRegistryUrl() {
        return registry.url();
    }

    @Override
    public String jdbcUrl(String database) {
        if (databases.add(database)) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database \"" + database + "\"");
            } catch (SQLException e) {
                databases.remove(database);
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public String description() {
        return "embedded (no Docker engine): Kafka KRaft at " + kafkaBootstrapServers()
                + ", PostgreSQL on port " + postgres.getPort() + ", schema registry at " + schemaRegistryUrl();
    }
}
