package nl.bdss.system.stack;

import java.util.List;

/**
 * A process of the stack: the three pieces of infrastructure, the OAuth2 authorization server (only in a secured
 * stack) and the four services.
 */
public enum Component {

    POSTGRES("postgres", null, "PostgreSQL ready on"),
    KAFKA("kafka", null, "Kafka broker ready on"),
    SCHEMA_REGISTRY("schema-registry", null, "Schema registry listening on"),
    AUTHORIZATION_SERVER("authorization-server", null, null),
    CONTRACT("contract-service", "contract", null),
    ALLOCATION("allocation-service", "allocation", null),
    SETTLEMENT("settlement-service", "settlement", null),
    REPORTING("reporting-service", "reporting", null);

    private final String processName;
    private final String database;
    private final String readyLine;

    Component(String processName, String database, String readyLine) {
        this.processName = processName;
        this.database = database;
        this.readyLine = readyLine;
    }

    /** PostgreSQL, Kafka and the schema registry, in the order they start. */
    public static List<Component> infrastructure() {
        return List.of(POSTGRES, KAFKA, SCHEMA_REGISTRY);
    }

    public static List<Component> services() {
        return List.of(CONTRACT, ALLOCATION, SETTLEMENT, REPORTING);
    }

    /** The services that consume topics (and so have listener transactions and a consumer group). */
    public static List<Component> consumers() {
        return List.of(ALLOCATION, SETTLEMENT, REPORTING);
    }

    public boolean isService() {
        return database != null;
    }

    /** Whether it runs from an executable jar of this checkout (the services and the authorization server). */
    public boolean isSpringBootApplication() {
        return isService() || this == AUTHORIZATION_SERVER;
    }

    /** The name of the process and its module, its log file and, for a service, its consumer group. */
    public String processName() {
        return processName;
    }

    /** The service's own database; null for the others. */
    public String database() {
        return database;
    }

    /**
     * What the process logs once it serves clients; null for the Spring Boot applications, which are ready when
     * their health is UP.
     */
    public String readyLine() {
        return readyLine;
    }

    @Override
    public String toString() {
        return processName;
    }
}
