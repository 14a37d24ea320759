package nl.bdss.messaging.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Plain Avro binary of a generated record, for parking it in the outbox until the relay sends it. */
final class AvroBinary {

    static {
        nl.bdss.messaging.serde.TrustedEventClasses.trust();
    }

    /**
     * A reader per event class and thread: building one resolves the schema against itself, which costs more than
     * decoding an event, and the relay decodes every event it publishes.
     */
    private static final ThreadLocal<Map<Class<?>, SpecificDatumReader<?>>> READERS = ThreadLocal.withInitial(HashMap::new);

    private AvroBinary() {
    }

    static byte[] encode(SpecificRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <V extends SpecificRecord> V decode(Class<V> type, byte[] payload) {
        SpecificDatumReader<V> reader = (SpecificDatumReader<V>) READERS.get().computeIfAbsent(type, key -> {
            Schema schema = SpecificData.get().getSchema(key);
            return new SpecificDatumReader<V>(schema, schema, SpecificData.getForSchema(schema));
        });
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(payload, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
