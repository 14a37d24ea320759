package nl.bdss.contract.register.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.bdss.events.contract.ContractVersionPublished;
import nl.bdss.messaging.serde.TrustedEventClasses;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * A stand-in for allocation-service at its HTTP edge, for the preview tests: it serves
 * {@code POST /api/v1/allocations/preview} on a loopback port, reads the body as allocation does (Avro's JSON encoding
 * of a {@link ContractVersionPublished}; 400 when it is not one), keeps what it got, and answers what the test set.
 * One per test JVM; tests run one after another, so each sets its answer before it asks.
 */
final class AllocationStandIn {

    /** What the stand-in got: the relayed Authorization header, the content type and the decoded event. */
    record Received(String authorization, String contentType, ContractVersionPublished event) {
    }

    /** What it answers next, after waiting {@code delay}. */
    record Answer(int status, String contentType, String body, Duration delay) {
    }

    static {
        TrustedEventClasses.trust(); // Avro builds only trusted classes when it reads
    }

    private static final AllocationStandIn INSTANCE = new AllocationStandIn();

    private final HttpServer server;
    private volatile Answer answer = new Answer(200, "application/json", "{}", Duration.ZERO);
    private volatile Received received;
    private volatile int requests;

    private AllocationStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the allocation stand-in", e);
        }
        server.createContext("/api/v1/allocations/preview", this::preview);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "allocation-stand-in-stop"));
    }

    static AllocationStandIn get() {
        return INSTANCE;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests with this, and forgets what it got before. */
    void answer(int status, String contentType, String body, Duration delay) {
        answer = new Answer(status, contentType, body, delay);
        received = null;
        requests = 0;
    }

    Received received() {
        return received;
    }

    int requests() {
        return requests;
    }

    private void preview(HttpExchange exchange) throws IOException {
        requests++;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ContractVersionPublished event;
        try {
            event = new SpecificDatumReader<>(ContractVersionPublished.class).read(null,
                    DecoderFactory.get().jsonDecoder(ContractVersionPublished.getClassSchema(), body));
        } catch (IOException | RuntimeException e) {
            respond(exchange, new Answer(400, "application/problem+json",
                    "{\"type\":\"urn:bdss:problem:unreadable-request\",\"status\":400,\"detail\":\"not a contract version\"}",
                    Duration.ZERO));
            return;
        }
        received = new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), event);
        Answer next = answer;
        try {
            Thread.sleep(next.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        respond(exchange, next);
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up waiting (a timeout test); nothing to answer to
        }
    }
}
