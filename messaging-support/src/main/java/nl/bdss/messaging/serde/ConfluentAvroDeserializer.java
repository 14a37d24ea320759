package nl.bdss.messaging.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.bdss.messaging.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's wire format: fetches the writer schema by id from the registry (cached) and decodes
 * into the generated class when {@code specific.avro.reader=true}, or into a {@code GenericRecord}.
 * Any failure is a {@link SerializationException} naming the reason, so an error-handling deserializer
 * can route the record to a dead-letter topic and the partition keeps moving; except a registry that does not
 * answer, which is a {@link SchemaRegistryUnavailableException}: the record is retried, not dead-lettered.
 */
public class ConfluentAvroDeserializer implements Deserializer<Object> {

    static {
        TrustedEventClasses.trust();
    }

    private SchemaRegistryClient registry;
    private boolean specificReader;
    private final Map<Integer, DatumReader<Object>> readersById = new ConcurrentHashMap<>();

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry, boolean specificReader) {
        this.registry = registry;
        this.specificReader = specificReader;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SchemaRegistryClient.shared(SerdeConfig.registryUrl(configs));
        this.specificReader = SerdeConfig.flag(configs, SerdeConfig.SPECIFIC_AVRO_READER, false);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(data);
        try {
            DatumReader<Object> reader = readersById.computeIfAbsent(id, this::readerFor);
            return reader.read(null, DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (SchemaRegistryClient.RegistryException e) {
            if (e.isTransient()) {
                throw new SchemaRegistryUnavailableException("Schema id " + id + " could not be fetched, the registry"
                        + " did not answer; the record will be retried: " + e.getMessage(), e);
            }
            throw new SerializationException("Schema id " + id + " could not be fetched: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Record of topic " + topic + " with schema id " + id
                    + " is not valid Avro for that schema: " + e, e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writerSchema = registry.schemaById(id);
        if (!specificReader) {
            return new GenericDatumReader<>(writerSchema);
        }
        Schema readerSchema = readerSchemaOf(writerSchema);
        return new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.getForSchema(readerSchema));
    }

    private static Schema readerSchemaOf(Schema writerSchema) {
        Class<?> generated = TrustedEventClasses.generatedClassFor(writerSchema.getFullName());
        return SpecificData.get().getSchema(generated);
    }
}
