package nl.bdss.reporting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over HTTP, as a client would; with a bearer token when the service's security is on. */
record Api(int port, String token) {

    /** Without a token: for the functional tests that run with security off ({@link TestProperties#SECURITY_OFF}). */
    Api(int port) {
        this(port, null);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    JsonNode get(String path) {
        return JSON.readTree(send(request(path).header("Accept", "application/json").GET().build(), 200));
    }

    String getText(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build(), 200);
    }

    JsonNode put(String path, String json) {
        return JSON.readTree(send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), 200));
    }

    int status(String path) {
        try {
            return HTTP.send(request(path).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        try {
            return HTTP.send(request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settled amount of one sector in the year, 0 when it has none. */
    long sectorLoad(int year, String sector) {
        for (JsonNode load : get("/api/v1/sector-loads?year=" + year).get("sectors")) {
            if (load.get("sector").asString().equals(sector)) {
                return load.get("amountCents").asLong();
            }
        }
        return 0;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
