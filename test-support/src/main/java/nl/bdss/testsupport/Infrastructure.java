package nl.bdss.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Real Kafka, PostgreSQL and a Confluent-compatible schema registry for integration tests, started once per
 * test JVM: with Testcontainers (the docker-compose images) when a Docker engine is present, otherwise the
 * embedded components (KRaft broker from the Kafka jars, PostgreSQL binaries, the project's registry).
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String schemaRegistryUrl();

    /** JDBC URL of the named database, created on first use. */
    String jdbcUrl(String database);

    String username();

    String password();

    String description();

    static Infrastructure get() {
        return Holder.INSTANCE;
    }

    /** The Spring properties that point a service at this infrastructure. */
    default Map<String, Object> springProperties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl(database));
        properties.put("spring.datasource.username", username());
        properties.put("spring.datasource.password", password());
        properties.put("bdss.messaging.bootstrap-servers", kafkaBootstrapServers());
        properties.put("bdss.messaging.schema-registry-url", schemaRegistryUrl());
        return properties;
    }

    final class Holder {
        private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
        static final Infrastructure INSTANCE = start();

        private Holder() {
        }

        private static Infrastructure start() {
            boolean docker = !Boolean.getBoolean("bdss.tests.embedded") && dockerAvailable();
            Infrastructure infrastructure = docker ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
            log.info("Integration infrastructure: {}", infrastructure.description());
            return infrastructure;
        }

        private static boolean dockerAvailable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
