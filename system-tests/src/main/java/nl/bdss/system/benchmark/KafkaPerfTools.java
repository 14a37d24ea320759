package nl.bdss.system.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.bdss.system.stack.KafkaTools;

/**
 * Raw Kafka rates from the Kafka distribution's own tools (org.apache.kafka.tools.ProducerPerformance and
 * ConsumerPerformance), each in its own JVM on this module's class path, on a scratch topic that is deleted after.
 */
final class KafkaPerfTools {

    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*?([\\d.]+) ms avg latency");

    private final KafkaTools kafka;
    private final String bootstrapServers;

    KafkaPerfTools(KafkaTools kafka) {
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
    }

    Rates measure(String topic, int partitions, long records, int recordSize) throws Exception {
        kafka.createTopic(topic, partitions);
        try {
            List<String> produced = run("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                    "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                    "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all");
            Matcher last = null;
            for (String line : produced) {
                Matcher m = PRODUCED.matcher(line);
                if (m.find()) {
                    last = m;
                }
            }
            if (last == null) {
                throw new IllegalStateException("ProducerPerformance printed no summary: " + produced);
            }
            double produceRate = Double.parseDouble(last.group(2));
            double produceLatencyMs = Double.parseDouble(last.group(3));
            List<String> consumed = run("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                    bootstrapServers, "--topic", topic, "--messages", Long.toString(records), "--timeout", "60000");
            return new Rates(produceRate, produceLatencyMs, consumeRate(consumed), produced.get(produced.size() - 1),
                    String.join(" / ", consumed.subList(Math.max(0, consumed.size() - 2), consumed.size())));
        } finally {
            kafka.deleteTopic(topic);
        }
    }

    /** ConsumerPerformance prints a CSV header and one row; the rate is the column nMsg.sec. */
    private static double consumeRate(List<String> lines) {
        for (int i = 0; i < lines.size() - 1; i++) {
            List<String> header = List.of(lines.get(i).split(",\\s*"));
            int column = header.indexOf("nMsg.sec");
            if (column >= 0) {
                for (String row : lines.subList(i + 1, lines.size())) {
                    String[] fields = row.split(",\\s*");
                    if (fields.length == header.size()) {
                        return Double.parseDouble(fields[column].trim());
                    }
                }
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no nMsg.sec: " + lines);
    }

    private static List<String> run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Optional.of(ProcessHandle.current().info().command().orElse("java")).get(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(mainClass + " failed: " + output);
        }
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    record Rates(double produceRecordsPerSecond, double produceAvgLatencyMs, double consumeRecordsPerSecond,
            String producerSummary, String consumerSummary) {
    }
}
