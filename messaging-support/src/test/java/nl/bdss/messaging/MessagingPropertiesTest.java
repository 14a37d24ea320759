package nl.bdss.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

class MessagingPropertiesTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"settlement-service\" password=\"local-demo-secret\";";

    private static Map<String, Object> producerBase() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:19092", ProducerConfig.ACKS_CONFIG, "all");
    }

    private static MessagingProperties sasl(Map<String, String> extra) {
        return new MessagingProperties("kafka:19092", null, null, null, null, "SASL_PLAINTEXT", "SCRAM-SHA-512", JAAS,
                extra);
    }

    private static MessagingProperties boundFromEnvironment(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("bdss.messaging", MessagingProperties.class);
    }

    @Test
    void withoutSecuritySettingsClientsStayPlaintextWithExactlyTheirOwnConfiguration() {
        MessagingProperties plaintext = new MessagingProperties(null, null, null, null, null);

        assertThat(plaintext.securityConfig()).isEmpty();
        assertThat(plaintext.kafkaClientConfig(producerBase())).isEqualTo(producerBase());
        assertThat(plaintext.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void dedicatedSecuritySettingsAndExtraClientPropertiesAreAddedToTheClientsOwnConfiguration() {
        MessagingProperties properties = sasl(Map.of("ssl.truststore.location", "/etc/bdss/truststore.p12"));

        assertThat(properties.kafkaClientConfig(producerBase()))
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:19092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/bdss/truststore.p12")
                .hasSize(6);
    }

    @Test
    void blankSecuritySettingsCountAsUnsetSoEmptyEnvironmentVariablesKeepPlaintext() {
        MessagingProperties properties = new MessagingProperties(null, null, null, null, null, " ", "", null, null);

        assertThat(properties.securityConfig()).isEmpty();
    }

    @Test
    void anExtraPropertyMayNotReplaceWhatMessagingSupportSetsItself() {
        MessagingProperties properties = sasl(Map.of("acks", "0"));

        assertThatThrownBy(() -> properties.kafkaClientConfig(producerBase()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[acks]");
    }

    @Test
    void theDedicatedSecuritySettingsCannotAlsoBeGivenAsExtraProperties() {
        assertThatThrownBy(() -> sasl(Map.of("security.protocol", "PLAINTEXT")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bdss.messaging.security-protocol");
    }

    @Test
    void securitySettingsBindFromEnvironmentVariablesIncludingDottedClientPropertyKeys() {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("BDSS_MESSAGING_BOOTSTRAPSERVERS", "kafka:19092");
        environment.put("BDSS_MESSAGING_SECURITYPROTOCOL", "SASL_PLAINTEXT");
        environment.put("BDSS_MESSAGING_SASLMECHANISM", "SCRAM-SHA-512");
        environment.put("BDSS_MESSAGING_SASLJAASCONFIG", JAAS);
        environment.put("BDSS_MESSAGING_CLIENTPROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "https");

        MessagingProperties properties = boundFromEnvironment(environment);

        assertThat(properties.securityConfig())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.endpoint.identification.algorithm", "https")
                .hasSize(4);
        assertThat(properties.relayBatchSize()).isEqualTo(500);
    }

    @Test
    void withNoEnvironmentTheBoundPropertiesKeepTodaysPlaintextDefaults() {
        MessagingProperties properties = boundFromEnvironment(Map.of());

        assertThat(properties.securityConfig()).isEmpty();
        assertThat(properties.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void theListenerConsumersGetTheSecuritySettings() {
        ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConsumerConfiguration()
                .kafkaListenerContainerFactory(sasl(Map.of()), "settlement-service");

        assertThat(factory.getConsumerFactory().getConfigurationProperties())
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "settlement-service")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS);
    }

    @Test
    void theSecretNeverAppearsInToString() {
        assertThat(sasl(Map.of()).toString()).doesNotContain("local-demo-secret").contains("(hidden)");
    }
}
