package nl.bdss.reporting;

import nl.bdss.reporting.privacy.domain.SmallCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The small-cell rule for the sector-wide figures insurers are shown: {@code bdss.privacy.min-contracts} (default 3),
 * the fewest other parties' contracts such a figure may rest on.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SmallCells smallCells(
            @Value("${bdss.privacy.min-contracts:" + SmallCells.DEFAULT_MIN_CONTRACTS + "}") long minimum) {
        return new SmallCells(minimum);
    }
}
