package nl.bdss.system.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The real OAuth2 authorization server of the local stack, run from its executable jar (as {@code ./bdss up} does)
 * on a free port, issuing tokens to its registered demo clients with the client-credentials flow. Its own process
 * keeps its classpath apart from the services'.
 */
final class LocalAuthorizationServer implements AutoCloseable {

    static final Path JAR = Path.of("..", "authorization-server", "target", "authorization-server-0.1.0-SNAPSHOT-exec.jar");

    private final int port;
    private final Process process;

    private LocalAuthorizationServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static LocalAuthorizationServer start() {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m", "-jar", JAR.toString(), "--server.port=" + port,
                    "--spring.security.oauth2.authorizationserver.issuer=" + issuer(port))
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "authorization-server.log").toFile())
                    .start();
            LocalAuthorizationServer server = new LocalAuthorizationServer(port, process);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + JAR, e);
        }
    }

    private void awaitHealthy() {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The authorization server exited; see target/authorization-server.log");
            }
            try {
                String health = RestClient.create(issuer()).get().uri("/actuator/health").retrieve().body(String.class);
                if (health != null && health.contains("\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("The authorization server did not become healthy; see target/authorization-server.log");
    }

    String issuer() {
        return issuer(port);
    }

    /** The properties that make a service trust this server's tokens. */
    Map<String, Object> serviceProperties() {
        return Map.of(
                "bdss.security.enabled", true,
                "bdss.security.issuer-uri", issuer(),
                "bdss.security.jwk-set-uri", issuer() + "/oauth2/jwks");
    }

    /** An access token for a demo client (insurer-3311, insurer-3343, ttp-vektis, operator). */
    @SuppressWarnings("unchecked")
    String tokenFor(String client) {
        Map<String, Object> response = RestClient.create(issuer()).post().uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth(client, "local-demo-secret-" + client))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve().body(Map.class);
        return (String) response.get("access_token");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String issuer(int port) {
        return "http://localhost:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
