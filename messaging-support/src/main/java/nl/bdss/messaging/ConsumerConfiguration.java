package nl.bdss.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SchemaRegistryUnavailableException;
import nl.bdss.messaging.serde.SerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every service consumes: Confluent wire-format values decoded into the generated classes, one record or one
 * poll at a time, the offsets committed only after the listener (and its database transaction) returned. A record
 * that cannot be decoded, or fails three times, goes to {@code <topic>.<group>.dlt} with the reason in the
 * {@code kafka_dlt-exception-*} headers plus the whole cause chain in {@value #REASON_HEADER}, and the partition
 * moves on; a record whose writer schema cannot be fetched because the registry does not answer holds its partition
 * until it does (see {@link #errorHandler(ConsumerRecordRecoverer, BackOff, BackOff)}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
public class ConsumerConfiguration {

    /** The whole cause chain of a dead letter, most specific last, e.g. "failed to deserialize: Unknown magic byte ...". */
    public static final String REASON_HEADER = "bdss_dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /** The factory of listeners that take a whole poll at once ({@code containerFactory = BATCH_FACTORY}). */
    public static final String BATCH_FACTORY = "batchListenerContainerFactory";

    /** One record at a time, the offset committed after each: for listeners whose records are rare. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> kafkaListenerContainerFactory(
            MessagingProperties properties, @Value("${spring.application.name}") String group) {
        ConcurrentKafkaListenerContainerFactory<String, Object> factory = factory(properties, group);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    /**
     * A poll's records at once, the offsets committed after the listener returned (AckMode BATCH); with
     * {@link BatchTransactions} one database transaction per poll. {@code bdss.messaging.listener-concurrency}
     * consumers per listener (default 3, the partitions of every topic in the local stack).
     */
    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, Object> batchListenerContainerFactory(
            MessagingProperties properties, @Value("${spring.application.name}") String group,
            @Value("${bdss.messaging.listener-concurrency:3}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<String, Object> factory = factory(properties, group);
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @Bean
    BatchTransactions batchTransactions(TransactionTemplate transactions, CrashPoints crashPoints) {
        return new BatchTransactions(transactions, crashPoints);
    }

    private static ConcurrentKafkaListenerContainerFactory<String, Object> factory(MessagingProperties properties,
            String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ConfluentAvroDeserializer.class);
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, properties.schemaRegistryUrl());
        config.put(SerdeConfig.SPECIFIC_AVRO_READER, true);

        ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties.kafkaClientConfig(config)));
        // A listener's id would otherwise become its group (idIsGroup defaults to true): every listener of a
        // service consumes as the service's group, which is also what the dead-letter topic names carry.
        factory.setContainerCustomizer(container -> container.getContainerProperties().setGroupId(group));
        factory.setCommonErrorHandler(errorHandler(deadLetterTemplate(properties), group));
        return factory;
    }

    private static KafkaTemplate<Object, Object> deadLetterTemplate(MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, properties.schemaRegistryUrl());
        ConfluentAvroSerializer avro = new ConfluentAvroSerializer();
        avro.configure(config, false);
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new java.util.LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, avro);
        DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(byType, true);
        @SuppressWarnings({"unchecked", "rawtypes"})
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(
                properties.kafkaClientConfig(config),
                (org.apache.kafka.common.serialization.Serializer) new StringSerializer(),
                (org.apache.kafka.common.serialization.Serializer) values);
        return new KafkaTemplate<>(producers);
    }

    static String reason(Throwable exception) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.springframework.kafka.listener.ListenerExecutionFailedException
                    && cause.getCause() != null) {
                continue;
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : ": ").append(message);
            }
        }
        return reason.toString();
    }

    private static DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template, String group) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> {
                    String deadLetterTopic = record.topic() + "." + group + ".dlt";
                    log.warn("Parking {}-{}@{} in {}: {}", record.topic(), record.partition(), record.offset(),
                            deadLetterTopic, reason(exception));
                    return new TopicPartition(deadLetterTopic, -1);
                });
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(new Header[] {
                new RecordHeader(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8))}));
        return errorHandler(recoverer, new FixedBackOff(500L, 2L), registryBackOff());
    }

    /**
     * What happens to a record whose listener failed or that could not be decoded:
     * <ul>
     * <li>a business refusal ({@link RejectedEventException}) or bytes that are definitely not one of our events
     * (not Confluent's wire format, not Avro of the writer schema, a schema id the registry does not know) go to the
     * dead-letter topic at once;</li>
     * <li>a registry that did not answer ({@link SchemaRegistryUnavailableException}) is retried with
     * {@code registryBackOff}, without limit: the record is probably valid, and its partition waits until the
     * registry is back rather than losing it to the dead-letter topic (should the registry come back without that
     * schema, having lost its data, the record stays held until the service restarts; then the registry's definite
     * "not found" parks it);</li>
     * <li>anything else (a database that is restarting, say) is retried with {@code backOff}, then dead-lettered.</li>
     * </ul>
     */
    static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff, BackOff registryBackOff) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // The classification looks at the outermost exception first; a DeserializationException is classified by
        // its cause instead, which the error-handling deserializer keeps.
        handler.removeClassification(DeserializationException.class);
        handler.addNotRetryableExceptions(RejectedEventException.class, SerializationException.class);
        handler.addRetryableExceptions(SchemaRegistryUnavailableException.class);
        handler.setBackOffFunction((record, exception) -> registryUnavailable(exception) ? registryBackOff : null);
        handler.setRetryListeners((record, exception, attempt) -> log.warn("{}-{}@{} failed (attempt {}), {}: {}",
                record.topic(), record.partition(), record.offset(), attempt,
                registryUnavailable(exception) ? "held until the schema registry answers" : "to be retried or parked",
                reason(exception)));
        return handler;
    }

    /** From half a second, doubling, to 10 s between attempts; no end. */
    private static BackOff registryBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
        backOff.setMaxInterval(10_000L);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    static boolean registryUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SchemaRegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
