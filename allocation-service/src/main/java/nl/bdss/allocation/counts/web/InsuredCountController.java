package nl.bdss.allocation.counts.web;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.allocation.counts.application.Deliverer;
import nl.bdss.allocation.counts.application.Deliveries;
import nl.bdss.allocation.counts.application.Delivery;
import nl.bdss.allocation.counts.application.DeliveryAccess;
import nl.bdss.allocation.counts.application.DeliveryReceipt;
import nl.bdss.allocation.counts.application.InsuredCountIntake;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.kernel.identity.PostcodeLevel;
import nl.bdss.problem.Problem;
import nl.bdss.problem.ProblemException;
import nl.bdss.security.BdssRole;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.audit.AuditObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insured-count deliveries (R11) and their status. Delivered by the trusted third party (see AllocationSecurityRules);
 * read by the operator (all), the trusted third party (its own deliveries) and an insurer (only deliveries holding
 * rows of its own UZOVI, with the count of those rows; any other delivery answers 404 like an unknown id).
 */
@RestController
@RequestMapping("/api/v1/insured-counts")
class InsuredCountController {

    private static final int MAX_LABEL = 100;

    private final InsuredCountIntake intake;
    private final Deliveries deliveries;

    InsuredCountController(InsuredCountIntake intake, Deliveries deliveries) {
        this.intake = intake;
        this.deliveries = deliveries;
    }

    /**
     * A CSV delivery ({@code uzovi,postcode,referenceDate,insuredCount}), streamed. The source comes from the query
     * parameter {@code source} or the header {@code X-Count-Source} (default TRUSTED_THIRD_PARTY); the delivering
     * party from {@code deliveredBy} or {@code X-Delivered-By}.
     */
    @PostMapping(consumes = "text/csv")
    ResponseEntity<DeliveryAccepted> deliverCsv(InputStream body,
            @RequestParam(name = "source", required = false) CountSource sourceParameter,
            @RequestHeader(name = "X-Count-Source", required = false) CountSource sourceHeader,
            @RequestParam(name = "deliveredBy", required = false) String deliveredByParameter,
            @RequestHeader(name = "X-Delivered-By", required = false) String deliveredByHeader) {
        CountSource source = sourceParameter != null ? sourceParameter
                : sourceHeader != null ? sourceHeader : CountSource.TRUSTED_THIRD_PARTY;
        return created(intake.receiveCsv(body, source, deliverer(deliveredByParameter, deliveredByHeader)));
    }

    /**
     * A JSON delivery, stream-parsed: {@code {"source":"TRUSTED_THIRD_PARTY","referenceDate":"2025-03-01",
     * "counts":[{"uzovi":"3311","postcode":"1011","insuredCount":1200}, ...]}}, or a bare array of rows that
     * each carry {@code referenceDate}. Errors name the element, e.g. {@code counts[3].postcode}. The source in
     * the body wins; else the query parameter or header as for CSV.
     */
    @PostMapping(consumes = "application/json")
    ResponseEntity<DeliveryAccepted> deliverJson(InputStream body,
            @RequestParam(name = "source", required = false) CountSource sourceParameter,
            @RequestHeader(name = "X-Count-Source", required = false) CountSource sourceHeader,
            @RequestParam(name = "deliveredBy", required = false) String deliveredByParameter,
            @RequestHeader(name = "X-Delivered-By", required = false) String deliveredByHeader) {
        CountSource requested = sourceParameter != null ? sourceParameter : sourceHeader;
        return created(intake.receiveJson(body, requested, deliverer(deliveredByParameter, deliveredByHeader)));
    }

    /**
     * The delivering client comes from the token; {@code deliveredBy} is only a label (default: the client id) and
     * grants nothing. A label is at most {@value #MAX_LABEL} characters.
     */
    private static Deliverer deliverer(String deliveredByParameter, String deliveredByHeader) {
        requireLabel("deliveredBy", deliveredByParameter);
        requireLabel("X-Delivered-By", deliveredByHeader);
        String clientId = CurrentClient.get().map(CurrentClient::clientId).orElse(null);
        String label = deliveredByParameter != null ? deliveredByParameter
                : deliveredByHeader != null ? deliveredByHeader : clientId;
        return new Deliverer(label, clientId);
    }

    private static void requireLabel(String field, String label) {
        if (label != null && label.length() > MAX_LABEL) {
            throw new ProblemException(Problem.invalidRequest(field, field + " is a label of at most " + MAX_LABEL
                    + " characters, got " + label.length()));
        }
    }

    private static ResponseEntity<DeliveryAccepted> created(DeliveryReceipt receipt) {
        AuditObject.describe("insured-count-delivery", receipt.deliveryId().toString());
        return ResponseEntity.created(URI.create("/api/v1/insured-counts/deliveries/" + receipt.deliveryId()))
                .body(DeliveryAccepted.of(receipt));
    }

    @GetMapping("/deliveries")
    List<DeliveryView> deliveries() {
        return deliveries.latest(100, access()).stream().map(DeliveryView::of).toList();
    }

    @GetMapping("/deliveries/{id}")
    DeliveryView delivery(@PathVariable UUID id) {
        return deliveries.find(id, access()).map(DeliveryView::of)
                .orElseThrow(() -> new ProblemException(Problem.notFound("insured-count-delivery-not-found",
                        "Insured-count delivery not found", "no delivery " + id)));
    }

    /** An insurer sees deliveries with its own rows, the trusted third party its own deliveries, others all. */
    private static DeliveryAccess access() {
        Optional<String> onlyUzovi = CurrentClient.insurerRestriction();
        if (onlyUzovi.isPresent()) {
            return DeliveryAccess.insurer(onlyUzovi.get());
        }
        return CurrentClient.get().filter(client -> client.is(BdssRole.TTP) && !client.is(BdssRole.OPERATOR))
                .map(client -> DeliveryAccess.deliveredBy(client.clientId()))
                .orElse(DeliveryAccess.everything());
    }

    record DeliveryAccepted(UUID deliveryId, CountSource source, LocalDate referenceDate, PostcodeLevel postcodeLevel,
            long rowCount, UUID replacedDeliveryId) {
        static DeliveryAccepted of(DeliveryReceipt receipt) {
            return new DeliveryAccepted(receipt.deliveryId(), receipt.source(), receipt.referenceDate(),
                    receipt.postcodeLevel(), receipt.rowCount(), receipt.replacedDeliveryId());
        }
    }

    record DeliveryView(UUID id, String status, CountSource source, LocalDate referenceDate, String deliveredBy,
            PostcodeLevel postcodeLevel, long rowCount, Instant receivedAt, UUID replacedBy, Instant replacedAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.status(), d.source(), d.referenceDate(), d.deliveredBy(), d.level(),
                    d.rowCount(), d.receivedAt(), d.replacedBy(), d.replacedAt());
        }
    }
}
