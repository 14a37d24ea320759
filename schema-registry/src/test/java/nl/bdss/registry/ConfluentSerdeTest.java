package nl.bdss.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.messaging.registry.SchemaRegistryClient;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serde pair against the real registry: Confluent's wire format byte for byte, and its configuration keys. */
class ConfluentSerdeTest {

    static final String TOPIC = Topics.SETTLEMENTS.name();

    @TempDir
    Path data;
    SchemaRegistryServer registry;

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, data);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    Map<String, Object> config(Object... extra) {
        java.util.HashMap<String, Object> config = new java.util.HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    ConfluentAvroSerializer serializer(Object... extra) {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(config(extra), false);
        return serializer;
    }

    ConfluentAvroDeserializer deserializer(boolean specific) {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(config(SerdeConfig.SPECIFIC_AVRO_READER, specific), false);
        return deserializer;
    }

    @Test
    void writesMagicByteZeroThenTheRegistryIdThenPlainAvroBinary() throws Exception {
        SettlementBooked event = SettlementFixtures.aSettlement();

        byte[] bytes = serializer().serialize(TOPIC, event);

        int id = new SchemaRegistryClient(registry.url()).latest(TOPIC + "-value").id();
        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(avro, null);
        new SpecificDatumWriter<SettlementBooked>(SettlementBooked.getClassSchema()).write(event, encoder);
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avro.toByteArray());
    }

    @Test
    void roundTripsIntoTheGeneratedClassWithTheSpecificReader() {
        byte[] bytes = serializer().serialize(TOPIC, SettlementFixtures.aSettlement());

        Object decoded = deserializer(true).deserialize(TOPIC, bytes);

        assertThat(decoded).isInstanceOf(SettlementBooked.class).isEqualTo(SettlementFixtures.aSettlement());
    }

    @Test
    void decodesIntoAGenericRecordWithoutTheSpecificReader() {
        byte[] bytes = serializer().serialize(TOPIC, SettlementFixtures.aSettlement());

        GenericRecord decoded = (GenericRecord) deserializer(false).deserialize(TOPIC, bytes);

        assertThat(decoded.get("amountCents")).isEqualTo(2_100_000L);
        assertThat(decoded.get("payeeAgb").toString()).isEqualTo("01012345");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefused() {
        ConfluentAvroSerializer serializer = serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SettlementFixtures.aSettlement()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("40401");
    }

    @Test
    void useLatestVersionWritesWithTheRegisteredSchemasId() {
        int registered = new SchemaRegistryClient(registry.url()).register(TOPIC + "-value", SettlementBooked.getClassSchema());

        byte[] bytes = serializer(SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_LATEST_VERSION, true)
                .serialize(TOPIC, SettlementFixtures.aSettlement());

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registered);
    }

    @Test
    void aProducerWithAnIncompatibleSchemaIsRefusedByTheRegistryAndEmitsNothing() {
        serializer().serialize(TOPIC, SettlementFixtures.aSettlement());
        Schema incompatible = new Schema.Parser().parse("""
                {"type":"record","name":"SettlementBooked","namespace":"nl.bdss.events.settlement",
                 "fields":[{"name":"amountCents","type":"double"},{"name":"insuredBsn","type":"string"}]}""");
        GenericRecord record = new org.apache.avro.generic.GenericData.Record(incompatible);
        record.put("amountCents", 1.5);
        record.put("insuredBsn", "123456782");

        assertThatThrownBy(() -> serializer().serialize(TOPIC, record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("409");
    }

    @Test
    void garbageBytesFailWithAReasonInsteadOfAnything() {
        ConfluentAvroDeserializer deserializer = deserializer(true);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, "not avro".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0, 42, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("42");
    }
}
