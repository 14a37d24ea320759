package nl.bdss.messaging.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry did not answer (connection refused or timed out, HTTP 5xx, 408 or 429): the record may be
 * perfectly valid, so it must not be dead-lettered. The consumers' error handler retries it with a growing pause
 * and holds its partition until the registry answers; a definite answer (an unknown schema id, bytes that are not
 * Confluent's wire format or not Avro of that schema) is a plain {@link SerializationException} and goes to the
 * dead-letter topic.
 */
public class SchemaRegistryUnavailableException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
