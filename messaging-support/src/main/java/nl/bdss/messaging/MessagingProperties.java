package nl.bdss.messaging;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the broker and the registry are, how the services authenticate to the broker, and how the outbox relay
 * behaves.
 *
 * <p>Every Kafka client messaging-support creates (the outbox relay's producer, the listener consumers, the
 * dead-letter producer) gets {@link #kafkaClientConfig(Map)}: its own settings plus the security settings below.
 * Without them the clients speak plaintext, as the embedded local stack does on loopback. A deployment sets them
 * through the environment, e.g. {@code BDSS_MESSAGING_SECURITYPROTOCOL=SASL_PLAINTEXT},
 * {@code BDSS_MESSAGING_SASLMECHANISM=SCRAM-SHA-512}, {@code BDSS_MESSAGING_SASLJAASCONFIG=...}, and any other
 * client property as {@code BDSS_MESSAGING_CLIENTPROPERTIES_SSL_TRUSTSTORE_LOCATION=...} (Kafka's keys are
 * lower-case and dotted, which is exactly what relaxed binding makes of the underscores).
 *
 * @param bootstrapServers  Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry
 * @param relayInterval     how often the relay looks for unpublished events when not woken by a commit
 * @param relayBatchSize    how many events the relay publishes per transaction
 * @param relayEnabled      whether this instance runs the relay
 * @param securityProtocol  Kafka {@code security.protocol} (PLAINTEXT, SASL_PLAINTEXT, SASL_SSL, SSL); unset = the
 *                          client default, PLAINTEXT
 * @param saslMechanism     Kafka {@code sasl.mechanism}, e.g. SCRAM-SHA-512
 * @param saslJaasConfig    Kafka {@code sasl.jaas.config}: the login module with this service's principal and secret
 * @param clientProperties  further Kafka client properties (ssl.*, sasl.*); they may add to, never replace, what
 *                          messaging-support sets itself
 */
@ConfigurationProperties("bdss.messaging")
public record MessagingProperties(String bootstrapServers, String schemaRegistryUrl, Duration relayInterval,
        Integer relayBatchSize, Boolean relayEnabled, String securityProtocol, String saslMechanism,
        String saslJaasConfig, Map<String, String> clientProperties) {

    static final String SECURITY_PROTOCOL = "security.protocol";
    static final String SASL_MECHANISM = "sasl.mechanism";
    static final String SASL_JAAS_CONFIG = "sasl.jaas.config";

    @ConstructorBinding
    public MessagingProperties {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        schemaRegistryUrl = schemaRegistryUrl == null ? "http://localhost:8081" : schemaRegistryUrl;
        relayInterval = relayInterval == null ? Duration.ofMillis(200) : relayInterval;
        relayBatchSize = relayBatchSize == null ? 500 : relayBatchSize;
        relayEnabled = relayEnabled == null || relayEnabled;
        securityProtocol = blankToNull(securityProtocol);
        saslMechanism = blankToNull(saslMechanism);
        saslJaasConfig = blankToNull(saslJaasConfig);
        clientProperties = clientProperties == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(clientProperties));
        for (String key : new String[] {SECURITY_PROTOCOL, SASL_MECHANISM, SASL_JAAS_CONFIG}) {
            if (clientProperties.containsKey(key)) {
                throw new IllegalArgumentException("Set " + key + " through bdss.messaging."
                        + key.replace('.', '-') + ", not bdss.messaging.client-properties");
            }
        }
    }

    /** Plaintext clients, as before security settings existed. */
    public MessagingProperties(String bootstrapServers, String schemaRegistryUrl, Duration relayInterval,
            Integer relayBatchSize, Boolean relayEnabled) {
        this(bootstrapServers, schemaRegistryUrl, relayInterval, relayBatchSize, relayEnabled, null, null, null, null);
    }

    /** The security part of every client's configuration: the dedicated settings and the extra properties. */
    public Map<String, Object> securityConfig() {
        Map<String, Object> security = new LinkedHashMap<>(clientProperties);
        if (securityProtocol != null) {
            security.put(SECURITY_PROTOCOL, securityProtocol);
        }
        if (saslMechanism != null) {
            security.put(SASL_MECHANISM, saslMechanism);
        }
        if (saslJaasConfig != null) {
            security.put(SASL_JAAS_CONFIG, saslJaasConfig);
        }
        return security;
    }

    /**
     * A Kafka client's configuration: {@code base} (what the caller relies on: bootstrap servers, serializers,
     * acks, group...) plus {@link #securityConfig()}. A security setting that would replace a key of
     * {@code base} is a configuration error, so a deployment cannot silently change how the services commit or
     * acknowledge.
     */
    public Map<String, Object> kafkaClientConfig(Map<String, ?> base) {
        Map<String, Object> security = securityConfig();
        TreeSet<String> clashes = new TreeSet<>(security.keySet());
        clashes.retainAll(base.keySet());
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("bdss.messaging security settings must not replace " + clashes
                    + ", which messaging-support sets itself");
        }
        Map<String, Object> config = new LinkedHashMap<>(base);
        config.putAll(security);
        return config;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        // Never print the JAAS configuration or any password-like client property.
        return "MessagingProperties[bootstrapServers=" + bootstrapServers + ", schemaRegistryUrl=" + schemaRegistryUrl
                + ", relayInterval=" + relayInterval + ", relayBatchSize=" + relayBatchSize + ", relayEnabled="
                + relayEnabled + ", securityProtocol=" + securityProtocol + ", saslMechanism=" + saslMechanism
                + ", saslJaasConfig=" + (saslJaasConfig == null ? null : "(hidden)") + ", clientProperties="
                + clientProperties.keySet() + "]";
    }
}
