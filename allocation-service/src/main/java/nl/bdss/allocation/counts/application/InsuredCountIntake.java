package nl.bdss.allocation.counts.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.bdss.allocation.counts.application.DeliveryStore.Duplicate;
import nl.bdss.allocation.counts.application.DeliveryStore.NewDelivery;
import nl.bdss.allocation.counts.domain.CountFileValidator;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.counts.domain.InsuredCountRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a delivery of insured counts (R11) in one transaction: streams and validates it line by line into the
 * store, refuses it whole on any error, otherwise stores it and swaps it in as the current dataset of its source and
 * reference date (the previous one stays as history). Allocations that depend on the dataset are recomputed in the
 * same transaction.
 */
@Service
public class InsuredCountIntake {

    private static final Logger log = LoggerFactory.getLogger(InsuredCountIntake.class);

    private final TransactionTemplate transactions;
    private final DeliveryStore deliveries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxReportedErrors;
    private final JsonMapper jsonMapper;

    InsuredCountIntake(TransactionTemplate transactions, DeliveryStore deliveries, ApplicationEventPublisher events,
            Clock clock, JsonMapper jsonMapper,
            @Value("${bdss.allocation.intake.max-reported-errors:100}") int maxReportedErrors) {
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
        this.maxReportedErrors = maxReportedErrors;
        this.jsonMapper = jsonMapper;
    }

    public DeliveryReceipt receiveCsv(InputStream csv, CountSource source, Deliverer deliveredBy) {
        return transactions.execute(status -> load((validator, staging) -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
                if (validator.header(reader.readLine())) {
                    readRows(reader, validator, staging);
                }
            }
            return new Read(source, DuplicateNaming.CSV_LINES);
        }, deliveredBy));
    }

    /**
     * A JSON delivery, stream-parsed. The source is the one named in the body, else {@code requestedSource}, else
     * TRUSTED_THIRD_PARTY; a body naming another source than the request is refused.
     */
    public DeliveryReceipt receiveJson(InputStream json, CountSource requestedSource, Deliverer deliveredBy) {
        return transactions.execute(status -> load((validator, staging) -> {
            try (JsonParser parser = jsonMapper.createParser(json)) {
                JsonCountReader reader = new JsonCountReader(parser, validator, staging::add, new ProgressLog("JSON"));
                Optional<CountSource> named = reader.read();
                if (named.isPresent() && requestedSource != null && named.get() != requestedSource) {
                    validator.structure("source", "R11", "the body names source " + named.get() + " but the request "
                            + requestedSource + " (R11)");
                }
                CountSource source = named.orElse(requestedSource != null ? requestedSource : CountSource.TRUSTED_THIRD_PARTY);
                String arrayName = reader.arrayName();
                return new Read(source, (v, d) -> v.duplicateElement(arrayName, d.line(), d.firstLine(), d.uzovi(), d.postcode()));
            }
        }, deliveredBy));
    }

    /** Reads a delivery through the validator into the staged rows; tells the source and how to name duplicates. */
    private interface DeliveryReader {
        Read read(CountFileValidator validator, StagedRows staging) throws IOException;
    }

    private interface DuplicateNaming {
        DuplicateNaming CSV_LINES = (v, d) -> v.duplicate(d.line(), d.firstLine(), d.uzovi(), d.postcode());

        void report(CountFileValidator validator, Duplicate duplicate);
    }

    private record Read(CountSource source, DuplicateNaming duplicates) {
    }

    private DeliveryReceipt load(DeliveryReader deliveryReader, Deliverer deliveredBy) {
        CountFileValidator validator = new CountFileValidator(maxReportedErrors);
        UUID id = UUID.randomUUID();
        StagedRows staging = deliveries.stage(id);
        boolean staged = false;
        Read read;
        try {
            read = deliveryReader.read(validator, staging);
            validator.finish();
            if (!validator.valid()) {
                throw new InvalidDelivery(validator.errors(), validator.errorCount());
            }
            staging.finish();
            staged = true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the delivery failed", e);
        } finally {
            if (!staged) {
                staging.cancel();
            }
        }
        return store(id, staging, validator, read, deliveredBy);
    }

    private static void readRows(BufferedReader reader, CountFileValidator validator, StagedRows staging)
            throws IOException {
        ProgressLog progress = new ProgressLog("CSV");
        long lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            Optional<InsuredCountRow> row = validator.line(lineNumber, line);
            if (row.isPresent() && validator.valid()) {
                staging.add(row.get());
            }
            progress.rows(lineNumber - 1, validator.errorCount());
        }
    }

    /**
     * Stores the delivery; duplicate (uzovi, postcode) rows are found only there, and then reported with their lines.
     */
    private DeliveryReceipt store(UUID id, StagedRows staging, CountFileValidator validator, Read read,
            Deliverer deliveredBy) {
        CountSource source = read.source();
        Instant now = clock.instant();
        deliveries.lockDataset(source, validator.referenceDate());
        if (!deliveries.store(new NewDelivery(id, source, validator.referenceDate(), deliveredBy, validator.level(), now),
                staging)) {
            deliveries.duplicates(id, maxReportedErrors).forEach(d -> read.duplicates().report(validator, d));
            throw new InvalidDelivery(validator.errors(), deliveries.duplicateCount(id));
        }
        long stored = staging.rows();
        Optional<UUID> replaced = deliveries.makeCurrent(id, source, validator.referenceDate(), now);
        log.info("Insured-count delivery {} from {} for {}: {} rows, replaces {}", id, source, validator.referenceDate(),
                stored, replaced.map(UUID::toString).orElse("nothing"));
        events.publishEvent(new InsuredCountsDelivered(id, source, validator.referenceDate()));
        return new DeliveryReceipt(id, source, validator.referenceDate(), validator.level(), stored, replaced.orElse(null));
    }
}
