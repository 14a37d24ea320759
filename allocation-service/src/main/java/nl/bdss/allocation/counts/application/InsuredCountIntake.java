package nl.bdss.allocation.counts.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.bdss.allocation.counts.domain.CountFileValidator;
import nl.bdss.allocation.counts.domain.CountSource;
import nl.bdss.allocation.counts.domain.InsuredCountRow;
import nl.bdss.allocation.counts.persistence.DeliveryStore;
import nl.bdss.allocation.counts.persistence.StagingCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a delivery of insured counts (R11) in one transaction: streams and validates it line by line into a
 * staging table over COPY, refuses it whole on any error, otherwise stores it and swaps it in as the current
 * dataset of its source and reference date (the previous one stays as history). Allocations that depend on the
 * dataset are recomputed in the same transaction.
 */
@Service
public class InsuredCountIntake {

    private static final Logger log = LoggerFactory.getLogger(InsuredCountIntake.class);
    private static final long PROGRESS_EVERY = 1_000_000;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final DeliveryStore deliveries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxReportedErrors;

    InsuredCountIntake(DataSource dataSource, TransactionTemplate transactions, DeliveryStore deliveries,
            ApplicationEventPublisher events, Clock clock,
            @Value("${bdss.allocation.intake.max-reported-errors:100}") int maxReportedErrors) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
        this.maxReportedErrors = maxReportedErrors;
    }

    public DeliveryReceipt receiveCsv(InputStream csv, CountSource source, String deliveredBy) {
        return transactions.execute(status -> load(csv, source, deliveredBy));
    }

    private DeliveryReceipt load(InputStream csv, CountSource source, String deliveredBy) {
        CountFileValidator validator = new CountFileValidator(maxReportedErrors);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        StagingCopy staging = null;
        boolean staged = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
            staging = StagingCopy.open(connection);
            if (validator.header(reader.readLine())) {
                readRows(reader, validator, staging);
            }
            validator.finish();
            if (!validator.valid()) {
                throw new InvalidDelivery(validator.errors(), validator.errorCount());
            }
            staging.finish();
            staged = true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the delivery failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("staging the delivery failed", e);
        } finally {
            if (staging != null && !staged) {
                staging.cancel();
            }
        }
        return store(validator, source, deliveredBy);
    }

    private static void readRows(BufferedReader reader, CountFileValidator validator, StagingCopy staging)
            throws IOException, SQLException {
        long lineNumber = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            Optional<InsuredCountRow> row = validator.line(lineNumber, line);
            if (row.isPresent() && validator.valid()) {
                staging.add(row.get());
            }
            if (lineNumber % PROGRESS_EVERY == 0) {
                log.info("Insured-count delivery: {} lines read, {} errors so far", lineNumber, validator.errorCount());
            }
        }
    }

    private DeliveryReceipt store(CountFileValidator validator, CountSource source, String deliveredBy) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        deliveries.lockDataset(source, validator.referenceDate());
        long stored = deliveries.storeStaged(id, source, validator.referenceDate(), deliveredBy, validator.level(),
                validator.rows(), now);
        if (stored != validator.rows()) {
            deliveries.stagedDuplicates(maxReportedErrors)
                    .forEach(d -> validator.duplicate(d.line(), d.firstLine(), d.uzovi(), d.postcode()));
            throw new InvalidDelivery(validator.errors(), validator.rows() - stored);
        }
        Optional<UUID> replaced = deliveries.makeCurrent(id, source, validator.referenceDate(), now);
        log.info("Insured-count delivery {} from {} for {}: {} rows, replaces {}", id, source, validator.referenceDate(),
                stored, replaced.map(UUID::toString).orElse("nothing"));
        events.publishEvent(new InsuredCountsDelivered(id, source, validator.referenceDate()));
        return new DeliveryReceipt(id, source, validator.referenceDate(), validator.level(), stored, replaced.orElse(null));
    }
}
