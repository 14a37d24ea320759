package nl.bdss.messaging.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.bdss.messaging.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in Confluent's wire format, registering or looking up the schema under the
 * TopicNameStrategy subject ({@code <topic>-value} or {@code <topic>-key}). Schema ids are cached.
 */
public class ConfluentAvroSerializer implements Serializer<Object> {

    static {
        TrustedEventClasses.trust();
    }

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    private boolean isKey;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, SchemaRegistryClient.RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.registry = SchemaRegistryClient.shared(SerdeConfig.registryUrl(configs));
        this.autoRegister = SerdeConfig.flag(configs, SerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = SerdeConfig.flag(configs, SerdeConfig.USE_LATEST_VERSION, false);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Not an Avro record: " + data.getClass().getName());
        }
        String subject = topic + (isKey ? "-key" : "-value");
        try {
            Schema writerSchema = container.getSchema();
            int id;
            if (useLatestVersion) {
                SchemaRegistryClient.RegisteredSchema latest =
                        latestBySubject.computeIfAbsent(subject, registry::latest);
                id = latest.id();
                writerSchema = latest.schema();
            } else {
                id = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                        .computeIfAbsent(writerSchema, schema -> autoRegister
                                ? registry.register(subject, schema)
                                : registry.lookup(subject, schema));
            }
            return encode(id, writerSchema, data);
        } catch (SchemaRegistryClient.RegistryException e) {
            throw new SerializationException("Schema registry refused " + subject + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SerializationException("Could not encode record for " + subject, e);
        }
    }

    private static byte[] encode(int schemaId, Schema writerSchema, Object data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(new byte[] {(byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId});
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writerFor(writerSchema, data).write(data, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema, Object data) {
        if (data instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
        }
        return new GenericDatumWriter<>(schema);
    }
}
