package nl.bdss.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import nl.bdss.messaging.registry.SchemaRegistryClient;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.SchemaRegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Which failures park a record in the dead-letter topic and which hold it for another attempt. The failures are
 * made by the real decoding path (the error-handling deserializer around ours, the registry client against a port
 * nobody listens on), so the exception chains are the ones a consumer sees.
 */
class DeadLetterPolicyTest {

    private static final String TOPIC = "bdss.contract.versions";
    private static final byte[] WIRE_FORMAT_ID_7 = {0, 0, 0, 0, 7, 2, 4, 6};

    private final List<ConsumerRecord<?, ?>> parked = new ArrayList<>();
    private final DefaultErrorHandler handler = ConsumerConfiguration.errorHandler(
            (record, exception) -> parked.add(record),
            new FixedBackOff(0L, 2L),
            new FixedBackOff(0L, FixedBackOff.UNLIMITED_ATTEMPTS));

    @Test
    void aRegistryThatDoesNotAnswerHoldsTheRecord_itIsNeverDeadLettered() throws IOException {
        ConsumerRecord<String, Object> record = decoded(WIRE_FORMAT_ID_7, "http://127.0.0.1:" + closedPort());
        Exception failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(getClass()));

        assertThat(failure).isInstanceOf(DeserializationException.class)
                .hasCauseInstanceOf(SchemaRegistryUnavailableException.class);
        for (int attempt = 1; attempt <= 25; attempt++) {
            assertThat(handler.handleOne(failure, record, null, null)).as("attempt %d recovered", attempt).isFalse();
        }
        assertThat(parked).isEmpty();
    }

    @Test
    void inABatchToo_theRegistryOutageHoldsTheRecord() throws IOException {
        ConsumerRecord<String, Object> record = decoded(WIRE_FORMAT_ID_7, "http://127.0.0.1:" + closedPort());
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(getClass()));
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("failed to deserialize", cause, record));

        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(handler.handleOne(failure, record, null, null)).isFalse();
        }
        assertThat(parked).isEmpty();
    }

    @Test
    void bytesThatAreNotOurWireFormat_areDeadLetteredAtOnce() throws IOException {
        ConsumerRecord<String, Object> record = decoded(new byte[] {'g', 'a', 'r', 'b', 'a', 'g', 'e'},
                "http://127.0.0.1:" + closedPort());
        Exception failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(getClass()));

        assertThat(handler.handleOne(failure, record, null, null)).isTrue();
        assertThat(parked).containsExactly(record);
    }

    @Test
    void aSchemaIdTheRegistryDefinitelyDoesNotKnow_isDeadLetteredAtOnce() {
        ConsumerRecord<String, Object> record = new ConsumerRecord<>(TOPIC, 0, 42L, "C1", null);
        Exception failure = new DeserializationException("failed to deserialize", WIRE_FORMAT_ID_7, false,
                new org.apache.kafka.common.errors.SerializationException("Schema id 7 could not be fetched",
                        new SchemaRegistryClient.RegistryException(404, 40403, "Schema 7 not found")));

        assertThat(handler.handleOne(failure, record, null, null)).isTrue();
        assertThat(parked).containsExactly(record);
    }

    @Test
    void aBusinessRefusalIsDeadLetteredAtOnce_otherFailuresAfterTheirRetries() {
        ConsumerRecord<String, Object> refused = new ConsumerRecord<>(TOPIC, 0, 1L, "C1", "event");
        assertThat(handler.handleOne(new ListenerExecutionFailedException("listener failed",
                new RejectedEventException("R10: shares do not add up")), refused, null, null)).isTrue();

        ConsumerRecord<String, Object> failing = new ConsumerRecord<>(TOPIC, 0, 2L, "C2", "event");
        Exception databaseDown = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("connection refused"));
        assertThat(handler.handleOne(databaseDown, failing, null, null)).isFalse();
        assertThat(handler.handleOne(databaseDown, failing, null, null)).isFalse();
        assertThat(handler.handleOne(databaseDown, failing, null, null)).isTrue();

        assertThat(parked).containsExactly(refused, failing);
    }

    /** What a consumer's value deserializer makes of {@code value}: the record as the listener container sees it. */
    private static ConsumerRecord<String, Object> decoded(byte[] value, String registryUrl) {
        RecordHeaders headers = new RecordHeaders();
        try (ErrorHandlingDeserializer<Object> deserializer = new ErrorHandlingDeserializer<>(
                new ConfluentAvroDeserializer(new SchemaRegistryClient(registryUrl), true))) {
            Object decoded = deserializer.deserialize(TOPIC, headers, value);
            return new ConsumerRecord<>(TOPIC, 0, 17L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                    ConsumerRecord.NULL_SIZE, value.length, "C1", decoded, headers, java.util.Optional.empty());
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
