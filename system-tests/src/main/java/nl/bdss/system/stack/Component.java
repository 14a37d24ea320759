package nl.bdss.system.stack;

import java.util.Arrays;
import java.util.List;

/** A process of the stack: the three pieces of infrastructure and the four services. */
public enum Component {

    POSTGRES("postgres", null, "PostgreSQL ready on"),
    KAFKA("kafka", null, "Kafka broker ready on"),
    SCHEMA_REGISTRY("schema-registry", null, "Schema registry listening on"),
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

    public static Component byProcessName(String name) {
        return Arrays.stream(values()).filter(c -> c.processName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component " + name));
    }

    public boolean isService() {
        return database != null;
    }

    /** The name of the process, its log file and, for a service, its consumer group. */
    public String processName() {
        return processName;
    }

    /** The service's own database; null for infrastructure. */
    public String database() {
        return database;
    }

    /** What the process logs once it serves clients; null for a service, which is ready when its health is UP. */
    public String readyLine() {
        return readyLine;
    }

    @Override
    public String toString() {
        return processName;
    }
}
