package nl.bdss.allocation.benchmark;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import nl.bdss.allocation.AllocationServiceApplication;
import nl.bdss.allocation.TestProperties;
import nl.bdss.testsupport.Infrastructure;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loads a generated national PC6 insured-count file (default 470,000 postcodes x 25 insurers = 11,750,000 rows)
 * twice into the same PostgreSQL in the same run: (a) a plain COPY of the file into an equivalent table without
 * indexes over the JDBC CopyManager, and (b) our intake through the real HTTP endpoint of the started service
 * (validation, COPY into the delivery's own table, unique-key build that also finds duplicates, attach as the
 * delivery's partition, atomic swap, commit). Prints
 * rows/s side by side, the ratio (goal: ours at least half the COPY rate) and the heap of this JVM, which holds
 * the service, the HTTP client and the embedded Kafka broker: run it with -Xmx512m (see benchmark.sh).
 * Not a test: it is run by hand. Argument: number of rows (rounded up to whole postcodes of 25 insurers).
 */
public final class IntakeBenchmark {

    private static final int INSURERS = 25;
    private static final String REFERENCE_DATE = "2025-03-01";

    private IntakeBenchmark() {
    }

    public static void main(String[] args) {
        int exitCode = 0;
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            exitCode = 1;
        }
        // the embedded broker's threads would keep the JVM alive; its shutdown hook stops the infrastructure
        System.exit(exitCode);
    }

    private static void run(String[] args) throws Exception {
        long wanted = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 11_750_000L;
        long postcodes = (wanted + INSURERS - 1) / INSURERS;
        long rows = postcodes * INSURERS;
        Path file = Files.createTempFile("insured-counts-pc6-", ".csv");
        file.toFile().deleteOnExit();
        try {
            say("Generating %,d rows (%,d PC6 postcodes x %d insurers) into %s", rows, postcodes, INSURERS, file);
            long generateStart = System.nanoTime();
            generate(file, postcodes);
            say("Generated %,d MB in %.1f s", Files.size(file) >> 20, seconds(generateStart));

            Infrastructure infrastructure = Infrastructure.get();
            String jdbcUrl = infrastructure.jdbcUrl("allocation");
            // command-line arguments, so that they win over the service's own configuration file
            java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                    "--logging.level.root=WARN", "--logging.level.nl.bdss.allocation.counts=INFO",
                    // the benchmark measures the intake, and posts without a token: security off, as in the
                    // functional tests (never in a deployed configuration)
                    "--" + TestProperties.SECURITY_OFF));
            infrastructure.springProperties("allocation").forEach((key, value) -> arguments.add("--" + key + "=" + value));
            ConfigurableApplicationContext service = new SpringApplicationBuilder(AllocationServiceApplication.class)
                    .properties(AllocationServiceApplication.CONFIG_NAME)
                    .run(arguments.toArray(String[]::new));
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));

            double copyRate = plainCopy(file, rows, jdbcUrl, infrastructure);
            resetPeakHeap();
            double ourRate = ourIntake(file, rows, port, jdbcUrl, infrastructure);

            say("");
            say("==== insured-count intake benchmark: %,d rows, %,d MB ====", rows, Files.size(file) >> 20);
            say("plain PostgreSQL COPY (CopyManager, unindexed table) : %,12.0f rows/s", copyRate);
            say("our intake (HTTP POST text/csv, validate+COPY+swap)  : %,12.0f rows/s", ourRate);
            say("ratio ours / COPY                                     : %12.2f  (goal >= 0.50)", ourRate / copyRate);
            say("JVM max heap %,d MB; peak heap used during our intake %,d MB (service, client and embedded Kafka in this JVM)",
                    Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
            service.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the file line by line; nothing of it is kept in memory. */
    private static void generate(Path file, long postcodes) throws IOException {
        String[] insurers = new String[INSURERS];
        for (int i = 0; i < INSURERS; i++) {
            insurers[i] = String.valueOf(3000 + i * 37);
        }
        StringBuilder line = new StringBuilder(64);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("uzovi,postcode,referenceDate,insuredCount\n");
            for (long p = 0; p < postcodes; p++) {
                int pc4 = 1000 + (int) (p / 676);
                int letters = (int) (p % 676);
                for (int i = 0; i < INSURERS; i++) {
                    line.setLength(0);
                    line.append(insurers[i]).append(',').append(pc4).append((char) ('A' + letters / 26))
                            .append((char) ('A' + letters % 26)).append(',').append(REFERENCE_DATE).append(',')
                            .append((p * 31 + i * 17) % 400).append('\n');
                    out.append(line);
                }
            }
        }
    }

    private static double plainCopy(Path file, long rows, String jdbcUrl, Infrastructure infrastructure) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, infrastructure.username(), infrastructure.password())) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists benchmark_plain_copy");
                statement.execute("create table benchmark_plain_copy (uzovi char(4) not null, postcode varchar(6) not null, "
                        + "reference_date date not null, insured_count bigint not null)");
                connection.commit();
                statement.execute("checkpoint");
            }
            say("(a) plain COPY of the file ...");
            long start = System.nanoTime();
            long copied;
            try (Reader reader = new InputStreamReader(new Progress(Files.newInputStream(file), Files.size(file), "(a) COPY"),
                    StandardCharsets.US_ASCII)) {
                copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy benchmark_plain_copy from stdin with (format csv, header true)", reader, 1 << 16);
            }
            connection.commit();
            double secs = seconds(start);
            say("(a) plain COPY: %,d rows in %.1f s", copied, secs);
            if (copied != rows) {
                throw new IllegalStateException("COPY stored " + copied + " rows, expected " + rows);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table benchmark_plain_copy");
                connection.commit();
                statement.execute("checkpoint");
            }
            return copied / secs;
        }
    }

    private static double ourIntake(Path file, long rows, int port, String jdbcUrl, Infrastructure infrastructure)
            throws Exception {
        say("(b) our intake: POST /api/v1/insured-counts (text/csv) ...");
        HttpClient http = HttpClient.newHttpClient();
        long size = Files.size(file);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/insured-counts?source=TRUSTED_THIRD_PARTY"))
                .header("Content-Type", "text/csv")
                .header("X-Delivered-By", "benchmark")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new Progress(Files.newInputStream(file), size, "(b) ours, sent");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                .build(), HttpResponse.BodyHandlers.ofString());
        double secs = seconds(start);
        say("(b) our intake: HTTP %d in %.1f s: %s", response.statusCode(), secs, response.body());
        if (response.statusCode() != 201 || !response.body().contains("\"rowCount\":" + rows)) {
            throw new IllegalStateException("the intake did not store the " + rows + " rows");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, infrastructure.username(), infrastructure.password());
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select count(*) from insured_count where delivery_id = (select id from "
                     + "insured_count_delivery where status = 'CURRENT' and source = 'TRUSTED_THIRD_PARTY' "
                     + "and reference_date = date '" + REFERENCE_DATE + "')")) {
            rs.next();
            say("(b) rows stored in insured_count for the current delivery: %,d", rs.getLong(1));
        }
        return rows / secs;
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** Reports every 10% of the file read. */
    private static final class Progress extends FilterInputStream {
        private final long size;
        private final String label;
        private final long start = System.nanoTime();
        private long read;
        private int reportedTenths;

        Progress(InputStream in, long size, String label) {
            super(in);
            this.size = size;
            this.label = label;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) {
            read += n;
            int tenths = (int) (read * 10 / Math.max(1, size));
            if (tenths > reportedTenths) {
                reportedTenths = tenths;
                say("%s: %d%% of %,d MB after %.1f s", label, tenths * 10, size >> 20, seconds(start));
            }
        }
    }
}
