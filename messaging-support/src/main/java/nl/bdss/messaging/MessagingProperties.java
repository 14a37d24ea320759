package nl.bdss.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the broker and the registry are, and how the outbox relay behaves.
 *
 * @param bootstrapServers  Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry
 * @param relayInterval     how often the relay looks for unpublished events when not woken by a commit
 * @param relayBatchSize    how many events the relay publishes per transaction
 * @param relayEnabled      whether this instance runs the relay
 */
@ConfigurationProperties("bdss.messaging")
public record MessagingProperties(String bootstrapServers, String schemaRegistryUrl, Duration relayInterval,
        Integer relayBatchSize, Boolean relayEnabled) {

    public MessagingProperties {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        schemaRegistryUrl = schemaRegistryUrl == null ? "http://localhost:8081" : schemaRegistryUrl;
        relayInterval = relayInterval == null ? Duration.ofMillis(200) : relayInterval;
        relayBatchSize = relayBatchSize == null ? 500 : relayBatchSize;
        relayEnabled = relayEnabled == null || relayEnabled;
    }
}
