package nl.bdss.allocation;

import nl.bdss.security.BdssRole;
import nl.bdss.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint of the allocation service. Which objects a caller then sees is decided in the
 * controllers: an insurer only deliveries holding its own rows (and only their count) and allocations of contracts
 * it is a party to; a provider (its AGB code from the token) only allocations of contracts that pay it, with its
 * own lines; the trusted third party only its own deliveries; the operator everything. A preview of a contract
 * version is open to the insurers and providers it names and to operators, each seeing its own part. Reopening
 * settled periods is for operators only.
 */
@Configuration(proxyBeanMethods = false)
class AllocationSecurityRules {

    private static final String INSURER = BdssRole.INSURER.name();
    private static final String PROVIDER = BdssRole.PROVIDER.name();
    private static final String TTP = BdssRole.TTP.name();
    private static final String OPERATOR = BdssRole.OPERATOR.name();

    @Bean
    SecurityRules allocationRules() {
        return rules -> rules
                // Deliveries (R11) come from the trusted third party only, also those with source INSURERS (counts
                // the insurers supplied, collected by the TTP). Not from an insurer itself: a delivery replaces the
                // whole dataset of its source and reference date, so one insurer's own file would replace the other
                // insurers' counts. Insurer deliveries need a dataset per source, date and UZOVI first.
                .requestMatchers(HttpMethod.POST, "/api/v1/insured-counts").hasRole(TTP)
                .requestMatchers(HttpMethod.GET, "/api/v1/insured-counts/deliveries", "/api/v1/insured-counts/deliveries/*")
                        .hasAnyRole(INSURER, TTP, OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/v1/allocations/*", "/api/v1/allocations/*/history",
                        "/api/v1/allocations/*/explanation").hasAnyRole(INSURER, PROVIDER, OPERATOR)
                // what a contract version would allocate, computed and answered, nothing stored (issue 14)
                .requestMatchers(HttpMethod.POST, "/api/v1/allocations/preview").hasAnyRole(INSURER, PROVIDER, OPERATOR)
                // reopening settled periods is an operator's decision, audited (issue 15)
                .requestMatchers(HttpMethod.POST, "/api/v1/allocations/*/reopen", "/api/v1/allocations/reopen")
                .hasRole(OPERATOR)
                // anything else under the service's API (other methods, unknown paths) is refused for every role
                .requestMatchers("/api/v1/insured-counts", "/api/v1/insured-counts/**", "/api/v1/allocations/**")
                        .denyAll();
    }
}
