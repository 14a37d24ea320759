package nl.bdss.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries zonky ships on Maven Central, with one database per service, all owned
 * by the role {@value #USER}. The data directory is kept between runs; the first start runs initdb.
 *
 * <p>Run as a main: {@code --port 5433 --data-dir data/postgres}. It stays up until SIGTERM, then stops the
 * postmaster with a fast shutdown.
 */
public final class PostgresServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 5433;
    public static final String DEFAULT_DATA_DIRECTORY = "data/postgres";
    public static final String USER = "bdss";
    public static final String PASSWORD = "bdss";
    public static final List<String> DATABASES = List.of("contract", "allocation", "settlement", "reporting");

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration POSTMASTER_EXIT_WAIT = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private volatile boolean closing;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on {@code port}, running initdb only if {@code dataDirectory} holds no cluster yet. */
    public static PostgresServer start(int port, Path dataDirectory) throws IOException {
        Path data = dataDirectory.toAbsolutePath().normalize();
        boolean firstStart = !Files.exists(data.resolve("PG_VERSION"));
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // Locale-independent initdb: same collation on every developer machine.
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                // The services rely on committed transactions surviving a crash (outbox, processed events),
                // so keep PostgreSQL's durable defaults instead of the test-friendly ones.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
        PostgresServer server = new PostgresServer(postgres, data);
        try {
            server.ensureRoleAndDatabases();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IOException("PostgreSQL started but the role and databases could not be created", e);
        }
        log.info("PostgreSQL ready on localhost:{} ({} data directory {})", port, firstStart ? "new" : "existing", data);
        return server;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** JDBC URL of one of the service databases, e.g. {@code jdbc:postgresql://localhost:5433/contract}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The postmaster's process id as PostgreSQL records it in {@code postmaster.pid}. */
    public Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return postmasterPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops PostgreSQL (fast shutdown) and returns once the postmaster process has exited. */
    @Override
    public void close() {
        closing = true;
        Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL in " + dataDirectory, e);
        }
        // pg_ctl returns when the postmaster has removed its PID file, a moment before the process ends.
        postmaster.ifPresent(PostgresServer::awaitExit);
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(POSTMASTER_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL postmaster {} still runs {} after shutdown", process.pid(), POSTMASTER_EXIT_WAIT);
        } catch (ExecutionException e) {
            log.warn("Could not wait for PostgreSQL postmaster {} to exit", process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureRoleAndDatabases() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                log.info("Created role {}", USER);
            }
            for (String database : DATABASES) {
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    statement.execute("CREATE DATABASE " + database + " OWNER " + USER);
                    log.info("Created database {} owned by {}", database, USER);
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        LocalStackLogging.configureUnlessOverridden();
        CommandLineOptions options = CommandLineOptions.parse(args, "--port", "--data-dir");
        PostgresServer server = start(options.port("--port", DEFAULT_PORT),
                options.path("--data-dir", DEFAULT_DATA_DIRECTORY));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (server.isRunning()) {
                log.info("Stopping PostgreSQL");
                server.close();
                log.info("PostgreSQL stopped");
            }
            stopped.countDown();
        }, "postgres-shutdown"));
        log.info("Databases {} for user {} at {}", DATABASES, USER, server.jdbcUrl("<database>"));
        watchUntilStopped(server, stopped);
    }

    /** Exits non-zero if the postmaster dies behind our back, so the supervisor sees the failure. */
    private static void watchUntilStopped(PostgresServer server, CountDownLatch stopped) throws InterruptedException {
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            if (!server.closing && !server.isRunning()) {
                log.error("The PostgreSQL postmaster is no longer running; exiting");
                System.exit(1);
            }
        }
    }
}
