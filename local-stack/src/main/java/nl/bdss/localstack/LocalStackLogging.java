package nl.bdss.localstack;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Console logging for the local-stack mains: INFO, with the broker's own chatter at WARN. Only the mains call this,
 * so a test that embeds the servers keeps its own logging setup.
 */
final class LocalStackLogging {

    static final String CONFIGURATION = "local-stack-logback.xml";

    private LocalStackLogging() {
    }

    static void configureUnlessOverridden() {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        URL configuration = LocalStackLogging.class.getClassLoader().getResource(CONFIGURATION);
        if (configuration == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("Invalid logging configuration " + configuration, e);
        }
    }
}
