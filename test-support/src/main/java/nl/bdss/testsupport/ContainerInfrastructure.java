package nl.bdss.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The images of docker-compose.yml, started with Testcontainers when a Docker engine is available. */
final class ContainerInfrastructure implements Infrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:18.1";
    static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:8.0.0";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> registry;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    @SuppressWarnings("resource")
    ContainerInfrastructure() {
        Network network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA_IMAGE).withNetwork(network).withNetworkAliases("kafka")
                .withListener("kafka:19092");
        postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withNetwork(network);
        kafka.start();
        postgres.start();
        registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(network)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward_transitive")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
        registry.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Override
    public String jdbcUrl(String database) {
        if (databases.add(database)) {
            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), username(), password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create database \"" + database + "\"");
            } catch (SQLException e) {
                databases.remove(database);
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String username() {
        return postgres.getUsername();
    }

    @Override
    public String password() {
        return postgres.getPassword();
    }

    @Override
    public String description() {
        return "Testcontainers (Docker engine found): " + KAFKA_IMAGE + ", " + POSTGRES_IMAGE + ", " + REGISTRY_IMAGE;
    }
}
