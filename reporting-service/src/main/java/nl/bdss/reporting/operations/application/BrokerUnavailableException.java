package nl.bdss.reporting.operations.application;

/** The broker did not answer a question about the consumer group or its topics, or refused the change asked. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
