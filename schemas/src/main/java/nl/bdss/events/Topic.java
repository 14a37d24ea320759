package nl.bdss.events;

import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic of the public event contract: its name, the type of its keys and of its values.
 * Keys are the aggregate id as a UTF-8 string; values are Avro records in Confluent's wire format.
 */
public record Topic<V extends SpecificRecord>(String name, Class<String> keyType, Class<V> valueType) {

    public static <V extends SpecificRecord> Topic<V> of(String name, Class<V> valueType) {
        return new Topic<>(name, String.class, valueType);
    }

    /** Confluent's TopicNameStrategy subject for the value schema. */
    public String valueSubject() {
        return name + "-value";
    }

    /** The dead-letter topic where a consumer group parks records of this topic it cannot process. */
    public String deadLetterTopic(String consumerGroup) {
        return name + "." + consumerGroup + ".dlt";
    }
}
