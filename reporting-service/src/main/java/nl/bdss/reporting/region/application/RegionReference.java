package nl.bdss.reporting.region.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nl.bdss.reporting.region.domain.RegionCsv;
import nl.bdss.reporting.region.domain.RegionMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The regions as PC4 ranges: the module's coarse province ranges ({@code reference/provinces-pc4.csv}) are
 * loaded at startup when the table is empty; operators replace them as a whole with an upload.
 */
@Service
public class RegionReference implements ApplicationRunner {

    static final String DEFAULT_RANGES = "reference/provinces-pc4.csv";

    private static final Logger LOG = LoggerFactory.getLogger(RegionReference.class);

    private final RegionStore store;
    private final TransactionTemplate transactions;

    RegionReference(RegionStore store, TransactionTemplate transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        RegionCsv.Read read;
        try (InputStream in = new ClassPathResource(DEFAULT_RANGES).getInputStream()) {
            read = RegionCsv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        RegionMap defaults = read.map().orElseThrow(() ->
                new IllegalStateException("The shipped ranges " + DEFAULT_RANGES + " break a rule: " + read.violations()));
        transactions.executeWithoutResult(status -> {
            store.lockExclusively();
            if (store.ranges().isEmpty()) {
                store.insertAll(defaults.ranges());
                LOG.info("Loaded {} PC4 ranges of {} regions from {}", defaults.ranges().size(), defaults.regions().size(),
                        DEFAULT_RANGES);
            }
        });
    }

    /** Replaces all ranges; returns how many were stored. */
    @Transactional
    public int replace(RegionMap map) {
        store.deleteAll();
        store.insertAll(map.ranges());
        return map.ranges().size();
    }

    @Transactional(readOnly = true)
    public RegionMap current() {
        return new RegionMap(store.ranges());
    }
}
