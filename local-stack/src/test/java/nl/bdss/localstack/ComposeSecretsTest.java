package nl.bdss.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml holds no secret: every password and client secret is required from the environment, none has
 * a default, and ops/secrets/generate.sh writes a random value for each of them once. Host ports are bound to
 * loopback unless the operator says otherwise.
 */
class ComposeSecretsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:?[-?])?([^}]*)}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PASSPHRASE|PRIVATE).*");

    @TempDir
    Path work;

    @Test
    void noSecretHasADefault_everyOneIsRequired() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher reference = REFERENCE.matcher(compose);
        Set<String> secrets = new TreeSet<>();
        while (reference.find()) {
            String name = reference.group(1);
            if (SECRET_NAME.matcher(name).matches()) {
                secrets.add(name);
                assertThat(reference.group(2)).as("${%s} must be required (:?), never defaulted", name).isEqualTo(":?");
            }
        }
        assertThat(secrets).contains("BDSS_KAFKA_ADMIN_PASSWORD", "BDSS_DB_PASSWORD", "POSTGRES_PASSWORD",
                "GRAFANA_ADMIN_PASSWORD", "AUTH_OPERATOR_SECRET");
        // no literal value either: a key naming a secret is set from a reference or not at all
        for (String line : compose.lines().toList()) {
            Matcher literal = Pattern.compile("^\\s*([A-Z0-9_]*(PASSWORD|SECRET)[A-Z0-9_]*):\\s*(\\S.*)$").matcher(line);
            if (literal.matches()) {
                assertThat(literal.group(3)).as(line.strip()).matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
            }
        }
        assertThat(compose).doesNotContain("local-demo").doesNotContain("{noop}");
    }

    @Test
    void everyHostPortIsBoundToLoopbackByDefault() throws IOException {
        List<String> published = Files.readString(ROOT.resolve("docker-compose.yml")).lines()
                .filter(line -> line.matches("\\s*- \"[^\"]*\\d+:\\d+\"\\s*")).toList();

        assertThat(published).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(line -> assertThat(line.strip()).startsWith("- \"${BDSS_BIND_ADDRESS:-127.0.0.1}:"));
    }

    @Test
    void theGenerator_writesARandomValueForEveryRequiredSecret_once() throws Exception {
        Path first = work.resolve("first.env");
        Path second = work.resolve("second.env");

        generate(first);
        Map<String, String> values = read(first);
        generate(first);
        generate(second);

        Set<String> required = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (reference.find()) {
            if (":?".equals(reference.group(2))) {
                required.add(reference.group(1));
            }
        }
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(required);
        values.forEach((name, value) -> assertThat(value.replace("{noop}", "")).as(name).matches("[A-Za-z0-9]{32}"));
        assertThat(values.get("AUTH_OPERATOR_SECRET")).startsWith("{noop}");
        assertThat(read(first)).as("running it again changes nothing").isEqualTo(values);
        assertThat(read(second).get("BDSS_DB_PASSWORD")).as("another file, other values")
                .isNotEqualTo(values.get("BDSS_DB_PASSWORD"));
        assertThat(Set.copyOf(values.values())).as("no two secrets alike").hasSize(values.size());
    }

    private static void generate(Path target) throws Exception {
        Process process = new ProcessBuilder("bash", ROOT.resolve("ops/secrets/generate.sh").toString(),
                target.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return values;
    }
}
