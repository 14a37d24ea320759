package nl.bdss.settlement;

import nl.bdss.kernel.privacy.SmallCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kernel's small-cell rule for what insurers and providers are shown: {@code bdss.privacy.min-insureds} (default
 * 10), the fewest insureds a positive count shown to them may rest on. Settlement shows no figure over other parties'
 * contracts, so the rule's contracts minimum is not applied here and keeps the kernel's default.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SmallCells smallCells(
            @Value("${" + SmallCells.MIN_INSUREDS_PROPERTY + ":" + SmallCells.DEFAULT_MIN_INSUREDS + "}") long minInsureds) {
        return new SmallCells(minInsureds, SmallCells.DEFAULT_MIN_CONTRACTS);
    }
}
