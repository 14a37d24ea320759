package nl.bdss.contract.register.messaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.bdss.contract.ContractAllocationProperties;
import nl.bdss.contract.register.application.AllocationPreviews;
import nl.bdss.contract.register.application.AllocationUnavailableException;
import nl.bdss.contract.register.domain.Contract;
import nl.bdss.contract.register.domain.ContractChange;
import nl.bdss.contract.register.domain.ContractId;
import nl.bdss.events.contract.ContractVersionPublished;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.springframework.stereotype.Component;

/**
 * Asks allocation-service for a preview over HTTP: {@code POST <allocation-url>/api/v1/allocations/preview} with the
 * {@link ContractVersionPublished} the version would be published with, in Avro's JSON encoding
 * ({@value #CONTENT_TYPE}), and the caller's own Authorization header, so allocation answers what that caller may see.
 * Allocation's answer (a 2xx preview, or its 4xx problem) is handed back as it is; a connection that fails or times
 * out, and a 5xx, make the preview unavailable.
 */
@Component
class AllocationPreviewClient implements AllocationPreviews {

    static final String CONTENT_TYPE = "application/vnd.bdss.contract-version+json";
    static final String PATH = "/api/v1/allocations/preview";

    private final HttpClient http;
    private final URI endpoint;
    private final Duration readTimeout;

    AllocationPreviewClient(ContractAllocationProperties properties) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.allocationConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = properties.allocationUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH);
        this.readTimeout = properties.allocationReadTimeout();
    }

    @Override
    public Answer preview(Contract version, ContractChange change, List<ContractId> overlappingContracts,
            Instant occurredAt, String authorization) {
        String body = avroJson(ContractEventPublisher.event(version, change, overlappingContracts, occurredAt));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AllocationUnavailableException("allocation-service at " + endpoint + " did not answer ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AllocationUnavailableException("interrupted while waiting for allocation-service", e);
        }
        if (response.statusCode() >= 500) {
            throw new AllocationUnavailableException("allocation-service answered " + response.statusCode()
                    + " to the preview", null);
        }
        return new Answer(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
    }

    /** Avro's JSON encoding of the event, exactly as its schema reads it back (unions as {"type": value}). */
    static String avroJson(ContractVersionPublished event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Encoder encoder = EncoderFactory.get().jsonEncoder(ContractVersionPublished.getClassSchema(), out);
            new SpecificDatumWriter<>(ContractVersionPublished.class).write(event, encoder);
            encoder.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the contract version as Avro JSON", e);
        }
    }
}
