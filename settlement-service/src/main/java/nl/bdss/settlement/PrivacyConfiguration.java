package nl.bdss.settlement;

import nl.bdss.settlement.privacy.domain.SmallCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The small-cell rule for what insurers and providers are shown: {@code bdss.privacy.min-insureds} (default 10), the
 * fewest insureds a count shown to them may rest on.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SmallCells smallCells(@Value("${bdss.privacy.min-insureds:" + SmallCells.DEFAULT_MIN_INSUREDS + "}") long minimum) {
        return new SmallCells(minimum);
    }
}
