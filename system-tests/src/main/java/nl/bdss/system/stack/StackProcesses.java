package nl.bdss.system.stack;

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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The stack as separate operating-system processes: PostgreSQL, a KRaft Kafka broker and the schema registry from
 * the local-stack jar and its classpath, and the four services from their executable jars, launched the way
 * {@code ./bdss} launches them but on free ports of their own, with data under
 * {@code system-tests/target/fault-injection/stack} and one log per process under
 * {@code system-tests/target/fault-injection/logs}. It never touches the ports of {@code ./bdss up}.
 *
 * <p>Faults are real: {@link #kill} is SIGKILL ({@link Process#destroyForcibly()}), {@link #pausePostgres} sends
 * SIGSTOP and SIGCONT to the postmaster and every backend. {@link #close} (also run by a shutdown hook) stops
 * everything it started; the process ids are kept in a file so a run that was itself killed is cleaned up by the
 * next one, by those ids.
 */
public final class StackProcesses implements AutoCloseable {

    public static final String VERSION = "0.1.0-SNAPSHOT";
    public static final String DB_USER = "bdss";
    public static final String DB_PASSWORD = "bdss";

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A process that ended without this class ending it: a deliberate halt, a crash. */
    public record Exit(Component component, int status, List<String> jvmOptions) {
    }

    private final Path repository;
    private final Path home;
    private final Path logs;
    private final RunLog log;
    private final Map<Component, Integer> ports;
    private final int controllerPort;
    private final Map<String, String> serviceEnvironment;
    private final Map<Component, Process> running = new ConcurrentHashMap<>();
    private final Map<Component, List<String>> launchOptions = new ConcurrentHashMap<>();
    private final Set<Process> endedByUs = ConcurrentHashMap.newKeySet();
    private final Set<Process> starting = ConcurrentHashMap.newKeySet();
    private final Map<Component, Object> locks = new EnumMap<>(Component.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Thread shutdownHook = new Thread(this::stopEverything, "fault-injection-stack-shutdown");
    private volatile Consumer<Exit> exitListener = exit -> { };
    private volatile boolean closing;

    private StackProcesses(Path repository, RunLog log, Map<String, String> serviceEnvironment) throws IOException {
        this.repository = repository;
        this.home = repository.resolve("system-tests/target/fault-injection/stack");
        this.logs = repository.resolve("system-tests/target/fault-injection/logs");
        this.log = log;
        for (Component component : Component.values()) {
            locks.put(component, new Object());
        }
        Files.createDirectories(home.getParent());
        lockChannel = FileChannel.open(home.getParent().resolve("fault-injection.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = awaitLock(lockChannel);
        stopLeftoversOfAKilledRun();
        deleteRecursively(home);
        deleteRecursively(logs);
        Files.createDirectories(home);
        Files.createDirectories(logs);
        snapshotBinaries();
        List<Integer> free = freePorts(Component.values().length + 1);
        Map<Component, Integer> assigned = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            assigned.put(component, free.get(component.ordinal()));
        }
        this.ports = Map.copyOf(assigned);
        this.controllerPort = free.get(free.size() - 1);
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** One run at a time per checkout: a second one (a build running the IT, say) waits for the first. */
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
                throw new IllegalStateException("another fault-injection run kept " + home + " for 30 minutes");
            }
            if (!announced) {
                log.say("another fault-injection run uses %s; waiting for it to end", home);
                announced = true;
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    /**
     * Prepares (nothing runs yet) a stack in this checkout.
     *
     * @param serviceEnvironment extra environment for every service, e.g. client settings for the harness
     */
    public static StackProcesses prepare(Path repository, RunLog log, Map<String, String> serviceEnvironment) {
        requireBuilt(repository);
        try {
            return new StackProcesses(repository, log, serviceEnvironment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the stack's directories", e);
        }
    }

    private static void requireBuilt(Path repository) {
        List<Path> needed = new ArrayList<>();
        needed.add(localStackJar(repository));
        needed.add(repository.resolve("local-stack/target/lib"));
        Component.services().forEach(service -> needed.add(serviceJar(repository, service)));
        List<Path> missing = needed.stream().filter(path -> !Files.exists(path)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing
                    + "; run ./mvnw -o -q package -DskipTests (or system-tests/run.sh, which builds what it needs)");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Where things are
    // ---------------------------------------------------------------------------------------------------------

    public int port(Component component) {
        return ports.get(component);
    }

    public String bootstrapServers() {
        return "localhost:" + port(Component.KAFKA);
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + port(Component.SCHEMA_REGISTRY);
    }

    public String serviceUrl(Component service) {
        return "http://127.0.0.1:" + port(service);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port(Component.POSTGRES) + "/" + database;
    }

    public Path logFile(Component component) {
        return logs.resolve(component.processName() + ".log");
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
     * Starts the infrastructure one by one (on two cores about as fast as together, and a failure reads clearer),
     * then the four services in parallel, each with its extra JVM options; returns once all are ready.
     */
    public void startAll(Map<Component, List<String>> serviceOptions) {
        Component.infrastructure().forEach(component -> start(component, List.of()));
        List<CompletableFuture<Void>> starts = Component.services().stream()
                .map(service -> CompletableFuture.runAsync(() -> start(service, serviceOptions.getOrDefault(service, List.of()))))
                .toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
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
    public static final class ExitedWhileStarting extends IllegalStateException {
        public ExitedWhileStarting(String message) {
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
            if (component.isService()) {
                builder.environment().putAll(environment(component));
            }
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

    private List<String> command(Component component, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path bin = home.resolve("bin");
        String classpath = bin.resolve("local-stack.jar") + java.io.File.pathSeparator + bin.resolve("lib") + "/*";
        switch (component) {
            case POSTGRES -> {
                command.addAll(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                        "nl.bdss.localstack.PostgresServer", "--port", String.valueOf(port(component)),
                        "--data-dir", dataDirectory(component).toString()));
            }
            case KAFKA -> {
                command.addAll(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                        "nl.bdss.localstack.KafkaServer", "--port", String.valueOf(port(component)),
                        "--controller-port", String.valueOf(controllerPort),
                        "--data-dir", dataDirectory(component).toString()));
            }
            case SCHEMA_REGISTRY -> {
                command.addAll(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
                        "-Dlogback.configurationFile=local-stack-logback.xml", "-cp", classpath,
                        "nl.bdss.registry.SchemaRegistryServer", "--port", String.valueOf(port(component)),
                        "--data-dir", dataDirectory(component).toString(), "--host", "127.0.0.1"));
            }
            default -> {
                // C1 only and the serial collector: four JVMs start faster on two cores
                command.addAll(List.of("-Xmx320m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-Dbdss.security.enabled=false"));
                command.addAll(jvmOptions);
                command.addAll(List.of("-jar", bin.resolve(component.processName() + ".jar").toString()));
            }
        }
        return command;
    }

    private Map<String, String> environment(Component service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port(service)));
        environment.put("DB_URL", jdbcUrl(service.database()));
        environment.put("DB_USER", DB_USER);
        environment.put("DB_PASSWORD", DB_PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        environment.put("SCHEMA_REGISTRY_URL", registryUrl());
        environment.put("BDSS_SECURITY_ENABLED", "false");
        environment.putAll(serviceEnvironment);
        return environment;
    }

    private void awaitReady(Component component, long logOffset) {
        Process process = running.get(component);
        long deadline = System.nanoTime() + (component.isService() ? SERVICE_TIMEOUT : INFRA_TIMEOUT).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                printTail(component, 15);
                running.remove(component, process);
                endedByUs.add(process);
                throw new ExitedWhileStarting(component + " exited with status " + process.exitValue()
                        + " while starting; see " + logFile(component));
            }
            if (component.isService() ? healthy(component) : portOpen(port(component)) && logged(component, logOffset)) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        printTail(component, 40);
        throw new IllegalStateException(component + " was not ready after "
                + (component.isService() ? SERVICE_TIMEOUT : INFRA_TIMEOUT).toSeconds() + " s; see " + logFile(component));
    }

    /** Whether the service's health is UP (a paused database makes this wait, which is what we want). */
    public boolean healthy(Component service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(serviceUrl(service) + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
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
    public long restart(Component component, Duration downtime, List<String> jvmOptions, java.util.function.LongConsumer killing) {
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
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(home.toString())).orElse(false));
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

    /** Stops everything: services first, then the registry, the broker and PostgreSQL; checks nothing is left. */
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
        stop(Component.SCHEMA_REGISTRY);
        stop(Component.KAFKA);
        stop(Component.POSTGRES);
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

    /** Every process of this run still alive: launched ones, and any whose command line names the stack's home. */
    public List<ProcessHandle> leftovers() {
        List<ProcessHandle> left = new ArrayList<>();
        running.values().stream().filter(Process::isAlive).map(Process::toHandle).forEach(left::add);
        ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
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
        return home.getParent().resolve("stack.pids");
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

    /** Kills, by the ids the previous run recorded, those of its processes that still run (matched by their home). */
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
                    .filter(handle -> handle.info().commandLine().map(c -> c.contains(home.toString())).orElse(false))
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
     * The run's own copy of the jars it launches, under its home: a rebuild during the run cannot change what a
     * restart starts, and no command line of ours names the checkout's jars, which {@code ./bdss down} looks for
     * when it stops strays of its own stack.
     */
    private void snapshotBinaries() throws IOException {
        Path bin = home.resolve("bin");
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
        for (Component service : Component.services()) {
            Files.copy(serviceJar(repository, service), bin.resolve(service.processName() + ".jar"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    public Path dataDirectory(Component component) {
        return home.resolve(component.processName());
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

    private static Path serviceJar(Path repository, Component service) {
        return repository.resolve(service.processName() + "/target/" + service.processName() + "-" + VERSION + "-exec.jar");
    }

    private static boolean await(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean portOpen(int port) {
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
