package nl.bdss.system.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The stack as separate operating-system processes, the one launcher of the end-to-end test, the fault-injection
 * suite and the benchmarks: PostgreSQL, a KRaft Kafka broker and the schema registry from the local-stack jar and
 * its classpath, the OAuth2 authorization server (in a secured stack) and the four services from their executable
 * jars, with the environment {@code ./bdss} gives them, but on free ports of their own, with data under
 * {@code system-tests/target/<name>/stack} and one log per process under {@code system-tests/target/<name>/logs}.
 * It never touches the ports or the data of {@code ./bdss up}.
 *
 * <p>It holds every process it starts as a {@link Process}: it sees an exit (and its status) the moment it
 * happens, {@link #kill} is SIGKILL, {@link #pausePostgres} sends SIGSTOP and SIGCONT to the postmaster and every
 * backend. {@link #close} (also run by a shutdown hook) stops everything it started; the process ids are kept in a
 * file so that a run that was itself killed is cleaned up by the next one of the same name, by those ids.
 */
public final class Stack implements AutoCloseable {

    static final String VERSION = "0.1.0-SNAPSHOT";
    public static final String DB_USER = "bdss";
    public static final String DB_PASSWORD = "bdss";

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Quick (re)starts of four JVMs on two cores: the C1 compiler only, the serial collector, a small heap. */
    public static final List<String> QUICK_START = List.of("-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** The services' JVM as {@code ./bdss up} starts it, for measurements. */
    public static final List<String> AS_BDSS_UP = List.of("-Xmx384m");

    /**
     * How a stack runs.
     *
     * @param name               its directory under {@code system-tests/target}; one run per name at a time
     * @param secured            with the authorization server, and the services checking tokens and rate limits as
     *                           in {@code ./bdss up}; without, every API is open
     * @param serviceJvmOptions  the services' JVM options ({@link #QUICK_START} or {@link #AS_BDSS_UP})
     * @param serviceEnvironment extra environment for every service
     * @param date               the date the services' clocks start on (at this instant of the day, in UTC, when
     *                           the stack is prepared; they run on from there); null: the system clock
     */
    public record Settings(String name, boolean secured, List<String> serviceJvmOptions,
            Map<String, String> serviceEnvironment, Instant date) {

        public Settings {
            serviceJvmOptions = List.copyOf(serviceJvmOptions);
            serviceEnvironment = Map.copyOf(serviceEnvironment);
        }

        /** Open, quick-starting services on the system clock. */
        public static Settings named(String name) {
            return new Settings(name, false, QUICK_START, Map.of(), null);
        }

        public Settings withSecurity() {
            return new Settings(name, true, serviceJvmOptions, serviceEnvironment, date);
        }

        public Settings withServiceJvmOptions(List<String> options) {
            return new Settings(name, secured, options, serviceEnvironment, date);
        }

        public Settings withServiceEnvironment(Map<String, String> environment) {
            return new Settings(name, secured, serviceJvmOptions, environment, date);
        }

        /** The services' clocks start at {@code instant}: they run with {@code bdss.clock.offset} from the system clock. */
        public Settings onDate(Instant instant) {
            return new Settings(name, secured, serviceJvmOptions, serviceEnvironment, instant);
        }
    }

    /** A process that ended without this class ending it: a deliberate halt, a crash. */
    public record Exit(Component component, int status, List<String> jvmOptions) {
    }

    private final Path repository;
    private final Settings settings;
    private final Path home;
    private final Path data;
    private final Path logs;
    private final RunLog log;
    private final List<Component> components;
    private final Map<Component, Integer> ports;
    private final int controllerPort;
    private final long clockOffsetMillis;
    private final Map<Component, Process> running = new ConcurrentHashMap<>();
    private final Map<Component, List<String>> launchOptions = new ConcurrentHashMap<>();
    private final Set<Process> endedByUs = ConcurrentHashMap.newKeySet();
    private final Set<Process> starting = ConcurrentHashMap.newKeySet();
    private final Map<Component, Object> locks = new EnumMap<>(Component.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Thread shutdownHook = new Thread(this::stopEverything, "system-tests-stack-shutdown");
    private volatile Consumer<Exit> exitListener = exit -> { };
    private volatile boolean closing;

    private Stack(Path repository, Settings settings, RunLog log) throws IOException {
        this.repository = repository;
        this.settings = settings;
        this.home = repository.resolve("system-tests/target").resolve(settings.name());
        this.data = home.resolve("stack");
        this.logs = home.resolve("logs");
        this.log = log;
        List<Component> all = new ArrayList<>(Component.infrastructure());
        if (settings.secured()) {
            all.add(Component.AUTHORIZATION_SERVER);
        }
        all.addAll(Component.services());
        this.components = List.copyOf(all);
        for (Component component : Component.values()) {
            locks.put(component, new Object());
        }
        Files.createDirectories(home);
        lockChannel = FileChannel.open(home.resolve("stack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = awaitLock(lockChannel);
        stopLeftoversOfAKilledRun();
        deleteRecursively(data);
        deleteRecursively(logs);
        Files.createDirectories(data);
        Files.createDirectories(logs);
        snapshotBinaries();
        List<Integer> free = freePorts(components.size() + 1);
        Map<Component, Integer> assigned = new EnumMap<>(Component.class);
        for (int i = 0; i < components.size(); i++) {
            assigned.put(components.get(i), free.get(i));
        }
        this.ports = Map.copyOf(assigned);
        this.controllerPort = free.get(free.size() - 1);
        this.clockOffsetMillis = settings.date() == null ? 0 : Duration.between(Instant.now(), settings.date()).toMillis();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** One run per name and checkout at a time: a second one (a build running the IT, say) waits for the first. */
    private FileLock awaitLock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        boolean announced = false;
        while (true) {
            FileLock acquired = channel.tryLock();
            if (acquired != null) {
                return acquired;
            }
            if (System.nanoTime() > deadline) {
                channel.close();
                throw new IllegalStateException("another run kept " + home + " for 30 minutes");
            }
            if (!announced) {
                log.say("another run uses %s; waiting for it to end", home);
                announced = true;
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    /** Prepares (nothing runs yet) a stack in this checkout. */
    public static Stack prepare(Path repository, Settings settings, RunLog log) {
        requireBuilt(repository, settings);
        try {
            return new Stack(repository, settings, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the stack's directories", e);
        }
    }

    private static void requireBuilt(Path repository, Settings settings) {
        List<Path> needed = new ArrayList<>();
        needed.add(localStackJar(repository));
        needed.add(repository.resolve("local-stack/target/lib"));
        Component.services().forEach(service -> needed.add(executableJar(repository, service)));
        if (settings.secured()) {
            needed.add(executableJar(repository, Component.AUTHORIZATION_SERVER));
        }
        List<Path> missing = needed.stream().filter(path -> !Files.exists(path)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing
                    + "; run ./mvnw -o -q package -DskipTests (or system-tests/run.sh, which builds what it needs)");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Where things are
    // ---------------------------------------------------------------------------------------------------------

    /** What this stack runs, in the order it starts them. */
    public List<Component> components() {
        return components;
    }

    public boolean secured() {
        return settings.secured();
    }

    public int port(Component component) {
        Integer port = ports.get(component);
        if (port == null) {
            throw new IllegalArgumentException(component + " is not part of this stack");
        }
        return port;
    }

    public String bootstrapServers() {
        return "localhost:" + port(Component.KAFKA);
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + port(Component.SCHEMA_REGISTRY);
    }

    public String url(Component service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** The issuer of the tokens (the authorization server as clients reach it); only in a secured stack. */
    public String issuer() {
        return "http://localhost:" + port(Component.AUTHORIZATION_SERVER);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port(Component.POSTGRES) + "/" + database;
    }

    public Path logFile(Component component) {
        return logs.resolve(component.processName() + ".log");
    }

    public Path logDirectory() {
        return logs;
    }

    /** Called for every process that ends without this class ending it (on a JVM thread of the process API). */
    public void onUnexpectedExit(Consumer<Exit> listener) {
        this.exitListener = listener;
    }

    public boolean isRunning(Component component) {
        Process process = running.get(component);
        return process != null && process.isAlive();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Starting
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Starts the infrastructure and the authorization server one by one (on two cores about as fast as together,
     * and a failure reads clearer), then the four services in parallel, each with its extra JVM options; returns
     * once all are ready.
     */
    public void startAll(Map<Component, List<String>> serviceOptions) {
        components.stream().filter(component -> !component.isService()).forEach(component -> start(component, List.of()));
        List<CompletableFuture<Void>> starts = Component.services().stream()
                .map(service -> CompletableFuture.runAsync(() -> start(service, serviceOptions.getOrDefault(service, List.of()))))
                .toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Starts everything with no extra JVM options. */
    public void startAll() {
        startAll(Map.of());
    }

    /**
     * Starts a component (same ports, same data directory as before) and waits until it serves clients.
     *
     * @param jvmOptions extra options for this launch only, e.g. a fault-injection switch of messaging-support
     */
    public void start(Component component, List<String> jvmOptions) {
        synchronized (locks.get(component)) {
            if (isRunning(component)) {
                throw new IllegalStateException(component + " is already running");
            }
            for (int attempt = 1; ; attempt++) {
                long offset = launch(component, jvmOptions);
                Process process = running.get(component);
                try {
                    awaitReady(component, offset);
                    return;
                } catch (ExitedWhileStarting e) {
                    // e.g. a service whose database was being killed at that moment: a supervisor starts it again
                    if (attempt == 3) {
                        throw e;
                    }
                    log.say("%s; starting it again", e.getMessage());
                } finally {
                    starting.remove(process);
                }
            }
        }
    }

    /** The process ended before it was ready. */
    static final class ExitedWhileStarting extends IllegalStateException {
        ExitedWhileStarting(String message) {
            super(message);
        }
    }

    private long launch(Component component, List<String> jvmOptions) {
        Path logFile = logFile(component);
        try {
            Files.writeString(logFile, "\n==== " + LocalDateTime.now().format(STAMP) + " starting " + component
                            + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions)) + " ====\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long offset = Files.size(logFile);
            ProcessBuilder builder = new ProcessBuilder(command(component, jvmOptions))
                    .directory(repository.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment(component));
            Process process = builder.start();
            starting.add(process);
            running.put(component, process);
            launchOptions.put(component, List.copyOf(jvmOptions));
            writePidFile();
            process.onExit().thenAccept(ended -> ended(component, ended));
            return offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + component, e);
        }
    }

    /** The command line: the same main classes, arguments and heap sizes as {@code ./bdss}, on this stack's ports. */
    private List<String> command(Component component, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path bin = data.resolve("bin");
        String classpath = bin.resolve("local-stack.jar") + File.pathSeparator + bin.resolve("lib") + "/*";
        switch (component) {
            case POSTGRES -> command.addAll(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                    "nl.bdss.localstack.PostgresServer", "--port", String.valueOf(port(component)),
                    "--data-dir", dataDirectory(component).toString()));
            case KAFKA -> command.addAll(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                    "nl.bdss.localstack.KafkaServer", "--port", String.valueOf(port(component)),
                    "--controller-port", String.valueOf(controllerPort),
                    "--data-dir", dataDirectory(component).toString()));
            case SCHEMA_REGISTRY -> command.addAll(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
                    "-Dlogback.configurationFile=local-stack-logback.xml", "-cp", classpath,
                    "nl.bdss.registry.SchemaRegistryServer", "--port", String.valueOf(port(component)),
                    "--data-dir", dataDirectory(component).toString(), "--host", "127.0.0.1"));
            case AUTHORIZATION_SERVER -> command.addAll(List.of("-Xmx192m", "-XX:+ExitOnOutOfMemoryError", "-jar",
                    executableCopy(component).toString()));
            default -> {
                command.add("-XX:+ExitOnOutOfMemoryError");
                command.addAll(settings.serviceJvmOptions());
                command.addAll(jvmOptions);
                if (settings.date() != null) {
                    // every service and every restart of the run on the same offset from the system clock
                    command.add("-Dbdss.clock.offset=" + clockOffsetMillis + "ms");
                }
                command.addAll(List.of("-jar", executableCopy(component).toString()));
            }
        }
        return command;
    }

    private Map<String, String> environment(Component component) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (component == Component.AUTHORIZATION_SERVER) {
            environment.put("SERVER_PORT", String.valueOf(port(component)));
            environment.put("AUTH_ISSUER", issuer());
            // as ./bdss starts it: a demo client for any insurer-<uzovi> / provider-<agb> (LocalDemoClients)
            environment.put("SPRING_PROFILES_ACTIVE", "local");
        } else if (component.isService()) {
            environment.put("SERVER_PORT", String.valueOf(port(component)));
            environment.put("DB_URL", jdbcUrl(component.database()));
            environment.put("DB_USER", DB_USER);
            environment.put("DB_PASSWORD", DB_PASSWORD);
            environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
            environment.put("SCHEMA_REGISTRY_URL", registryUrl());
            if (component == Component.CONTRACT) {
                // the previews of a proposal ask allocation (POST /api/v1/allocations/preview)
                environment.put("CONTRACT_ALLOCATION_URL", url(Component.ALLOCATION));
            }
            if (settings.secured()) {
                environment.put("AUTH_ISSUER", issuer());
            } else {
                environment.put("BDSS_SECURITY_ENABLED", "false");
            }
            environment.putAll(settings.serviceEnvironment());
        }
        return environment;
    }

    private void awaitReady(Component component, long logOffset) {
        Process process = running.get(component);
        Duration timeout = component.isSpringBootApplication() ? SERVICE_TIMEOUT : INFRA_TIMEOUT;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                printTail(component, 15);
                running.remove(component, process);
                endedByUs.add(process);
                throw new ExitedWhileStarting(component + " exited with status " + process.exitValue()
                        + " while starting; see " + logFile(component));
            }
            boolean ready = component.readyLine() == null
                    ? healthy(component) : portOpen(port(component)) && logged(component, logOffset);
            if (ready) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        printTail(component, 40);
        throw new IllegalStateException(component + " was not ready after " + timeout.toSeconds() + " s; see "
                + logFile(component));
    }

    /** Whether the application's health is UP (a paused database makes this wait, which is what we want). */
    public boolean healthy(Component application) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(url(application) + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean logged(Component component, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile(component));
            String since = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                    StandardCharsets.UTF_8);
            return since.contains(component.readyLine());
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Faults
    // ---------------------------------------------------------------------------------------------------------

    /** SIGKILL: no shutdown hook, no graceful close. For PostgreSQL the postmaster and every backend as well. */
    public void kill(Component component) {
        synchronized (locks.get(component)) {
            Process process = running.remove(component);
            if (process != null) {
                // before the postmaster dies: its launcher notices that and exits by itself
                endedByUs.add(process);
            }
            if (component == Component.POSTGRES) {
                List<ProcessHandle> postgres = postgresProcesses();
                postgres.forEach(ProcessHandle::destroyForcibly);
                postgres.forEach(handle -> await(handle, Duration.ofSeconds(10)));
            }
            if (process != null) {
                process.destroyForcibly();
                await(process.toHandle(), Duration.ofSeconds(10));
            }
            writePidFile();
        }
    }

    /**
     * SIGKILL, {@code downtime} of nothing, then the same component again (same ports and data) with
     * {@code jvmOptions}; returns the pid that was killed (0 if it was not running).
     */
    public long restart(Component component, Duration downtime, List<String> jvmOptions) {
        return restart(component, downtime, jvmOptions, pid -> { });
    }

    /** As {@link #restart(Component, Duration, List)}, telling {@code killing} the pid just before the SIGKILL. */
    public long restart(Component component, Duration downtime, List<String> jvmOptions, LongConsumer killing) {
        synchronized (locks.get(component)) {
            long pid = pid(component);
            killing.accept(pid);
            kill(component);
            sleep(downtime);
            start(component, jvmOptions);
            return pid;
        }
    }

    /** Starts the component unless it runs (a restart after an unexpected exit may race with a planned one). */
    public boolean ensureRunning(Component component, List<String> jvmOptions) {
        synchronized (locks.get(component)) {
            if (isRunning(component)) {
                return false;
            }
            start(component, jvmOptions);
            return true;
        }
    }

    public long pid(Component component) {
        Process process = running.get(component);
        return process == null ? 0 : process.pid();
    }

    /** The JVM options the running process was launched with (a fault-injection switch among them). */
    public List<String> launchedWith(Component component) {
        return launchOptions.getOrDefault(component, List.of());
    }

    /** SIGSTOP for the postmaster and all its backends, {@code pause} long, then SIGCONT. */
    public void pausePostgres(Duration pause) {
        synchronized (locks.get(Component.POSTGRES)) {
            List<ProcessHandle> postgres = postgresProcesses();
            if (postgres.isEmpty()) {
                throw new IllegalStateException("no PostgreSQL processes found for " + dataDirectory(Component.POSTGRES));
            }
            signal("STOP", postgres);
            try {
                sleep(pause);
            } finally {
                signal("CONT", postgresProcesses());
            }
        }
    }

    /** The postmaster of our data directory and its children (backends, walwriter, ...). */
    private List<ProcessHandle> postgresProcesses() {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return List.of();
        }
        return Stream.concat(Stream.of(postmaster.get()), postmaster.get().descendants()).toList();
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDirectory(Component.POSTGRES).resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(data.toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(handle -> command.add(String.valueOf(handle.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            kill.waitFor(10, TimeUnit.SECONDS);
            if (kill.exitValue() != 0 && !output.contains("No such process")) {
                throw new IllegalStateException("kill -" + signal + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stopping
    // ---------------------------------------------------------------------------------------------------------

    private void ended(Component component, Process process) {
        if (endedByUs.remove(process) || starting.contains(process) || closing) {
            return;
        }
        running.remove(component, process);
        writePidFile();
        exitListener.accept(new Exit(component, process.exitValue(), launchOptions.getOrDefault(component, List.of())));
    }

    /** SIGTERM and wait (SIGKILL after a while): the component's own shutdown runs. */
    public void stop(Component component) {
        synchronized (locks.get(component)) {
            Process process = running.remove(component);
            if (process == null) {
                return;
            }
            endedByUs.add(process);
            process.destroy();
            if (!await(process.toHandle(), STOP_TIMEOUT)) {
                log.say("%s did not stop in %d s; killing it", component, STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
                await(process.toHandle(), Duration.ofSeconds(10));
            }
            if (component == Component.POSTGRES) {
                stopPostmaster();
            }
            writePidFile();
        }
    }

    /** Stops everything: services first, then the rest in the reverse order of starting; checks nothing is left. */
    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        List<ProcessHandle> left = leftovers();
        if (!left.isEmpty()) {
            throw new IllegalStateException("processes of the stack still run after stopping: "
                    + left.stream().map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList());
        }
        releaseLock();
    }

    private synchronized void stopEverything() {
        if (closing && running.isEmpty()) {
            return;
        }
        closing = true;
        List<CompletableFuture<Void>> services = Component.services().stream()
                .map(service -> CompletableFuture.runAsync(() -> stop(service))).toList();
        CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).join();
        List<Component> rest = new ArrayList<>(components.stream().filter(component -> !component.isService()).toList());
        Collections.reverse(rest);
        rest.forEach(this::stop);
        stopPostmaster();
        writePidFile();
    }

    /** A postmaster that outlived its launcher (a killed launcher, a kill of PostgreSQL): fast shutdown. */
    private void stopPostmaster() {
        postmaster().ifPresent(postmaster -> {
            List<ProcessHandle> children = postmaster.descendants().toList();
            signal("INT", List.of(postmaster));
            if (!await(postmaster, STOP_TIMEOUT)) {
                postmaster.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                await(postmaster, Duration.ofSeconds(10));
            }
        });
    }

    /** Every process of this run still alive: launched ones, and any whose command line names the stack's data. */
    public List<ProcessHandle> leftovers() {
        List<ProcessHandle> left = new ArrayList<>();
        running.values().stream().filter(Process::isAlive).map(Process::toHandle).forEach(left::add);
        ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(data.toString())).orElse(false))
                .filter(handle -> left.stream().noneMatch(known -> known.pid() == handle.pid()))
                .forEach(left::add);
        return left;
    }

    private void releaseLock() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Leftovers of a run that was killed before it could stop its stack
    // ---------------------------------------------------------------------------------------------------------

    private Path pidFile() {
        return home.resolve("stack.pids");
    }

    private void writePidFile() {
        StringBuilder pids = new StringBuilder();
        running.forEach((component, process) -> pids.append(process.pid()).append(' ').append(component).append('\n'));
        postmaster().ifPresent(handle -> pids.append(handle.pid()).append(" postmaster\n"));
        try {
            Files.writeString(pidFile(), pids.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only a help for the next run's cleanup
        }
    }

    /** Kills, by the ids the previous run recorded, those of its processes that still run (matched by their data). */
    private void stopLeftoversOfAKilledRun() throws IOException {
        if (!Files.exists(pidFile())) {
            return;
        }
        for (String line : Files.readAllLines(pidFile())) {
            String[] parts = line.trim().split(" ", 2);
            if (parts[0].isEmpty()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(parts[0]))
                    .filter(handle -> handle.info().commandLine().map(c -> c.contains(data.toString())).orElse(false))
                    .ifPresent(handle -> {
                        log.say("stopping %s (pid %d) left over from an earlier run", parts.length > 1 ? parts[1] : "?",
                                handle.pid());
                        List<ProcessHandle> children = handle.descendants().toList();
                        handle.destroyForcibly();
                        children.forEach(ProcessHandle::destroyForcibly);
                        await(handle, Duration.ofSeconds(10));
                    });
        }
        Files.delete(pidFile());
    }

    /**
     * The run's own copy of what it launches, under its data directory: a rebuild during the run cannot change what
     * a restart starts, and no command line of ours names the checkout's jars, which {@code ./bdss down} looks for
     * when it stops strays of its own stack.
     */
    private void snapshotBinaries() throws IOException {
        Path bin = data.resolve("bin");
        Files.createDirectories(bin.resolve("lib"));
        Files.copy(localStackJar(repository), bin.resolve("local-stack.jar"));
        try (Stream<Path> jars = Files.list(repository.resolve("local-stack/target/lib"))) {
            for (Path jar : jars.toList()) {
                Path target = bin.resolve("lib").resolve(jar.getFileName());
                try {
                    Files.createLink(target, jar);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(jar, target);
                }
            }
        }
        for (Component application : components.stream().filter(Component::isSpringBootApplication).toList()) {
            Files.copy(executableJar(repository, application), executableCopy(application));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    Path dataDirectory(Component component) {
        return data.resolve(component.processName());
    }

    private Path executableCopy(Component application) {
        return data.resolve("bin").resolve(application.processName() + ".jar");
    }

    public void printTail(Component component, int count) {
        try {
            List<String> lines = Files.readAllLines(logFile(component), StandardCharsets.UTF_8);
            log.say("---- last %d lines of %s ----", count, logFile(component));
            lines.subList(Math.max(0, lines.size() - count), lines.size()).forEach(line -> log.say("| %s", line));
            log.say("----");
        } catch (IOException e) {
            log.say("(no log %s)", logFile(component));
        }
    }

    private static Path localStackJar(Path repository) {
        return repository.resolve("local-stack/target/local-stack-" + VERSION + ".jar");
    }

    private static Path executableJar(Path repository, Component application) {
        String module = application.processName();
        return repository.resolve(module + "/target/" + module + "-" + VERSION + "-exec.jar");
    }

    private static boolean await(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
