package nl.bdss.system.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.bdss.testsupport.Infrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One of the four services, started in this JVM on a free port against the shared real infrastructure. */
final class RunningService implements AutoCloseable {

    private final Class<?> application;
    private final String configName;
    private final String database;
    private final Map<String, Object> extraProperties;
    private ConfigurableApplicationContext context;

    RunningService(Class<?> application, String configName, String database, Map<String, Object> extraProperties) {
        this.application = application;
        this.configName = configName;
        this.database = database;
        this.extraProperties = extraProperties;
    }

    RunningService start() {
        Map<String, Object> properties = new LinkedHashMap<>(Infrastructure.get().springProperties(database));
        properties.put("spring.config.name", configName);
        properties.put("server.port", 0);
        properties.put("spring.jmx.enabled", false);
        properties.putAll(extraProperties);
        // Command-line arguments outrank the service's own configuration file (default properties would not).
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(application).run(arguments);
        return this;
    }

    String url() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
