package nl.bdss.allocation;

import nl.bdss.allocation.privacy.domain.SmallCells;
import nl.bdss.allocation.split.domain.AllocationDisclosure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The small-cell rule from {@code bdss.privacy.min-insureds} and {@code bdss.privacy.min-contracts}, and what a
 * viewer may learn of an allocation by it (issue 14).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SmallCells smallCells(@Value("${bdss.privacy.min-insureds:" + SmallCells.DEFAULT_MIN_INSUREDS + "}") long minInsureds,
            @Value("${bdss.privacy.min-contracts:" + SmallCells.DEFAULT_MIN_CONTRACTS + "}") long minContracts) {
        return new SmallCells(minInsureds, minContracts);
    }

    @Bean
    AllocationDisclosure allocationDisclosure(SmallCells smallCells) {
        return new AllocationDisclosure(smallCells);
    }
}
