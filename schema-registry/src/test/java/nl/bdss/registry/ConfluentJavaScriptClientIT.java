package nl.bdss.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.bdss.events.Topics;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.messaging.registry.SchemaRegistryClient;
import nl.bdss.messaging.serde.ConfluentAvroDeserializer;
import nl.bdss.messaging.serde.ConfluentAvroSerializer;
import nl.bdss.messaging.serde.SerdeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's own JavaScript Schema Registry client and Avro serdes ({@code @confluentinc/schemaregistry}, driven by
 * {@code src/test/confluent-js/check.mjs}) against our registry and our Java serdes: it decodes what
 * {@link ConfluentAvroSerializer} writes, writes what {@link ConfluentAvroDeserializer} reads (byte for byte what our
 * serializer writes), and its REST calls work against {@link SchemaRegistryServer}.
 *
 * <p>Needs {@code node} and {@code npm} on the PATH (skipped otherwise); runs {@code npm ci} in
 * {@code src/test/confluent-js} when its {@code node_modules} is missing.
 */
class ConfluentJavaScriptClientIT {

    static final String TOPIC = Topics.SETTLEMENTS.name();
    static final String SUBJECT = TOPIC + "-value";
    static final Path COMPAT_DIR = Paths.get("src", "test", "confluent-js").toAbsolutePath();
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(90);
    static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    static final ObjectMapper JSON = new ObjectMapper();
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    @TempDir
    Path temp;
    SchemaRegistryServer registry;

    /** Why this machine cannot run the JavaScript side, or null. */
    static String unavailable;

    @BeforeAll
    static void nodeAndTheClientAreThere() throws Exception {
        assertThat(COMPAT_DIR.resolve("check.mjs")).as("the JavaScript side of this test").exists();
        if (!onPath("node")) {
            unavailable = "Skipped: `node` is not on the PATH; Confluent's JavaScript client (src/test/confluent-js) needs Node.js 18+";
        } else if (!onPath(npm())) {
            unavailable = "Skipped: `npm` is not on the PATH; it installs Confluent's JavaScript client (src/test/confluent-js)";
        }
        if (unavailable != null) {
            System.out.println(ConfluentJavaScriptClientIT.class.getSimpleName() + ": " + unavailable);
            return;
        }
        if (!Files.isDirectory(COMPAT_DIR.resolve("node_modules").resolve("@confluentinc").resolve("schemaregistry"))) {
            Result ci = run(List.of(npm(), "ci", "--no-audit", "--no-fund"), COMPAT_DIR, NPM_CI_TIMEOUT);
            ci.assertSucceeded("npm ci in " + COMPAT_DIR);
        }
    }

    @BeforeEach
    void start() throws Exception {
        // Per test rather than in @BeforeAll, so that each test is reported as skipped with this reason.
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        registry = SchemaRegistryServer.start("127.0.0.1", 0, temp.resolve("registry"));
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void confluentsDeserializerDecodesWhatOurSerializerWrote() throws Exception {
        byte[] bytes = serializer().serialize(TOPIC, SettlementFixtures.aSettlement());
        Path in = Files.write(temp.resolve("from-java.bin"), bytes);

        Result decode = node("decode", in.toString());

        decode.assertSucceeded("check.mjs decode");
        JsonNode record = decode.json();
        try {
            assertThat(record.path("amountCents").asText()).isEqualTo("2100000");
            assertThat(record.path("payeeAgb").asText()).isEqualTo("01012345");
            assertThat(record.path("sector").asText()).isEqualTo("HUISARTSENZORG");
            assertThat(record.path("uzovi").asText()).isEqualTo("3311");
            assertThat(record.path("payeePartyKey").asText()).isEqualTo("hap-west");
            assertThat(record.path("contractId").asText()).isEqualTo("c-1");
            assertThat(record.path("sequence").asText()).isEqualTo("1");
            assertThat(record.path("entryId").asText()).isEqualTo("c-1|2025-01-01|3311|01012345|HUISARTSENZORG|LUMP_SUM");
            assertThat(record.path("kind").asText()).isEqualTo("LUMP_SUM");
            assertThat(record.path("correctsEntryId").isNull()).as("correctsEntryId is null").isTrue();
            assertThat(record.path("allocationVersion").asInt()).isEqualTo(1);
            assertThat(record.path("cause").asText()).isEqualTo("test");
            // The JavaScript serdes have no logical types (avsc 5 without logicalTypes): the underlying Avro values.
            assertThat(record.path("eventId").asText()).isEqualTo("5b0f6d1e-8a37-4c1b-9d7e-2f4a6c8e0b13");
            assertThat(record.path("occurredAt").asText())
                    .isEqualTo(String.valueOf(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli()));
            assertThat(record.path("periodStart").asLong()).isEqualTo(LocalDate.of(2025, 1, 1).toEpochDay());
            assertThat(record.path("periodEnd").asLong()).isEqualTo(LocalDate.of(2025, 12, 31).toEpochDay());
        } catch (AssertionError e) {
            System.out.println(decode.describe());
            throw e;
        }
    }

    @Test
    void ourDeserializerDecodesWhatConfluentsSerializerWrote() throws Exception {
        int id = new SchemaRegistryClient(registry.url()).register(SUBJECT, SettlementBooked.getClassSchema());
        ObjectNode json = JSON.createObjectNode()
                .put("eventId", "0d6c1f3a-2b4e-4f6a-8c9d-1e2f3a4b5c6d")
                .put("occurredAt", String.valueOf(Instant.parse("2025-03-04T05:06:07.089Z").toEpochMilli()))
                .put("contractId", "c-2")
                .put("sequence", "9007199254740993") // 2^53 + 1: beyond a JavaScript number, exact as a BigInt
                .put("entryId", "c-2|correction-1")
                .put("kind", "CORRECTION")
                .put("correctsEntryId", "c-2|2025-01-01|3311|01012345|HUISARTSENZORG|LUMP_SUM")
                .put("periodStart", LocalDate.of(2025, 1, 1).toEpochDay())
                .put("periodEnd", LocalDate.of(2025, 12, 31).toEpochDay())
                .put("uzovi", "3311")
                .put("payeeAgb", "01012345")
                .put("payeePartyKey", "hap-west")
                .put("sector", "HUISARTSENZORG")
                .put("amountCents", -2_100_000L)
                .put("allocationVersion", 2)
                .put("cause", "from Confluent's JavaScript serializer");
        Path in = Files.writeString(temp.resolve("record.json"), JSON.writeValueAsString(json));
        Path out = temp.resolve("from-js.bin");

        Result encode = node("encode", in.toString(), out.toString());

        encode.assertSucceeded("check.mjs encode");
        try {
            byte[] bytes = Files.readAllBytes(out);
            assertThat(bytes[0]).as("magic byte").isZero();
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id after the magic byte").isEqualTo(id);
            Object decoded = deserializer().deserialize(TOPIC, bytes);
            assertThat(decoded).isInstanceOf(SettlementBooked.class);
            SettlementBooked event = (SettlementBooked) decoded;
            assertThat(event.getEventId()).isEqualTo(UUID.fromString("0d6c1f3a-2b4e-4f6a-8c9d-1e2f3a4b5c6d"));
            assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2025-03-04T05:06:07.089Z"));
            assertThat(event.getSequence()).isEqualTo(9_007_199_254_740_993L);
            assertThat(event.getKind()).isEqualTo(SettlementKind.CORRECTION);
            assertThat(event.getCorrectsEntryId()).isEqualTo("c-2|2025-01-01|3311|01012345|HUISARTSENZORG|LUMP_SUM");
            assertThat(event.getPeriodStart()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(event.getPeriodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(event.getAmountCents()).isEqualTo(-2_100_000L);
            assertThat(event.getPayeeAgb()).isEqualTo("01012345");
            assertThat(event.getSector()).isEqualTo("HUISARTSENZORG");
            assertThat(event.getUzovi()).isEqualTo("3311");
            assertThat(event.getAllocationVersion()).isEqualTo(2);
            assertThat(bytes).as("byte for byte what our own serializer writes for the same record")
                    .isEqualTo(serializer().serialize(TOPIC, event));
        } catch (AssertionError e) {
            System.out.println(encode.describe());
            throw e;
        }
    }

    @Test
    void confluentsClientCallsWorkAgainstOurRegistry() throws Exception {
        int id = new SchemaRegistryClient(registry.url()).register(SUBJECT, SettlementBooked.getClassSchema());

        Result api = node("api");

        JsonNode summary = api.json();
        if (api.exitCode != 0 || !summary.path("ok").asBoolean()) {
            fail("Confluent's JavaScript client failed against our registry: " + summary.path("failed") + "\n" + api.describe());
        }
        try {
            assertThat(summary.path("failed")).isEmpty();
            JsonNode latest = step(summary, "getLatestSchemaMetadata").path("result");
            assertThat(latest.path("id").asInt()).isEqualTo(id);
            assertThat(latest.path("version").asInt()).isEqualTo(1);
            assertThat(latest.path("subject").asText()).isEqualTo(SUBJECT);
            assertThat(step(summary, "register (same schema: idempotent)").path("result").asInt()).isEqualTo(id);
            assertThat(step(summary, "testSubjectCompatibility (compatible)").path("result").asBoolean()).isTrue();
            assertThat(step(summary, "testSubjectCompatibility (incompatible)").path("result").asBoolean()).isFalse();
            assertThat(step(summary, "testCompatibility (compatible, by version)").path("result").asBoolean()).isTrue();
            assertThat(step(summary, "testCompatibility (incompatible, by version)").path("result").asBoolean()).isFalse();
            assertThat(step(summary, "register (incompatible: refused)").path("error").path("errorCode").asInt())
                    .isEqualTo(409);
        } catch (AssertionError e) {
            System.out.println(api.describe());
            throw e;
        }
        System.out.println("Confluent's JavaScript client against our registry: " + summary.path("passed").asInt()
                + " calls as expected; optional calls not supported: " + summary.path("optionalUnsupported"));
    }

    static JsonNode step(JsonNode summary, String name) {
        for (JsonNode step : summary.path("steps")) {
            if (step.path("name").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("No step '" + name + "' in " + summary);
    }

    ConfluentAvroSerializer serializer() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        return serializer;
    }

    ConfluentAvroDeserializer deserializer() {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(SerdeConfig.SPECIFIC_AVRO_READER, true);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }

    Result node(String mode, String... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "check.mjs", registry.url(), mode));
        command.addAll(List.of(files));
        return run(command, COMPAT_DIR, NODE_TIMEOUT);
    }

    static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    static boolean onPath(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(List<String> command, Path directory, Duration timeout) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("confluent-js-", ".out");
        Path stderr = Files.createTempFile("confluent-js-", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Result result = new Result(command, finished ? process.exitValue() : -1, finished,
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            if (!finished) {
                System.out.println(result.describe());
                fail("Timed out after " + timeout + ": " + result.describe());
            }
            return result;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    static java.io.File nullDevice() {
        return new java.io.File(WINDOWS ? "NUL" : "/dev/null");
    }

    record Result(List<String> command, int exitCode, boolean finished, String stdout, String stderr) {

        String describe() {
            return "$ " + String.join(" ", command) + "\nexit code: " + exitCode
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }

        void assertSucceeded(String what) {
            if (exitCode != 0) {
                System.out.println(describe());
                fail(what + " failed:\n" + describe());
            }
        }

        JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                System.out.println(describe());
                throw new AssertionError("Not JSON on stdout:\n" + describe(), e);
            }
        }
    }
}
