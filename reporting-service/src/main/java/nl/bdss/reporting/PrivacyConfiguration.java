package nl.bdss.reporting;

import nl.bdss.kernel.privacy.SmallCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kernel's small-cell rule for the sector-wide figures insurers are shown: {@code bdss.privacy.min-contracts}
 * (default 3), the fewest other parties' contracts such a figure may rest on when it rests on any. Reporting shows no
 * count of insureds, so the rule's insureds minimum is not applied here and keeps the kernel's default.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SmallCells smallCells(@Value("${" + SmallCells.MIN_CONTRACTS_PROPERTY + ":" + SmallCells.DEFAULT_MIN_CONTRACTS + "}")
            long minContracts) {
        return new SmallCells(SmallCells.DEFAULT_MIN_INSUREDS, minContracts);
    }
}
