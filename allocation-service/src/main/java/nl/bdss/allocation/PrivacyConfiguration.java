package nl.bdss.allocation;

import nl.bdss.allocation.split.domain.AllocationDisclosure;
import nl.bdss.kernel.privacy.SmallCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kernel's small-cell rule from {@code bdss.privacy.min-insureds} and {@code bdss.privacy.min-contracts}, and
 * what a viewer may learn of an allocation by it (issue 14).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SmallCells smallCells(
            @Value("${" + SmallCells.MIN_INSUREDS_PROPERTY + ":" + SmallCells.DEFAULT_MIN_INSUREDS + "}") long minInsureds,
            @Value("${" + SmallCells.MIN_CONTRACTS_PROPERTY + ":" + SmallCells.DEFAULT_MIN_CONTRACTS + "}")
            long minContracts) {
        return new SmallCells(minInsureds, minContracts);
    }

    @Bean
    AllocationDisclosure allocationDisclosure(SmallCells smallCells) {
        return new AllocationDisclosure(smallCells);
    }
}
