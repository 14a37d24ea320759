package nl.bdss.settlement.web;

import static nl.bdss.security.BdssRole.INSURER;
import static nl.bdss.security.BdssRole.OPERATOR;

import nl.bdss.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which settlement endpoint. Settlement data is the insurers' and the operator's: the trusted third
 * party has no business here. What an insurer sees within an allowed endpoint (its own UZOVI only) is decided in the
 * queries, with {@code CurrentClient.insurerRestriction()}.
 *
 * <ul>
 *   <li>payment instructions (list, one, period CSV) and payee statements: INSURER (own lines) and OPERATOR (all);</li>
 *   <li>acknowledging a payment instruction: INSURER only, its own instructions (the insurer pays; an operator does
 *       not record another party's payments);</li>
 *   <li>period close and the ledger invariants: OPERATOR only;</li>
 *   <li>risk-equalisation attribution: INSURER (own UZOVI) and OPERATOR (any insurer).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SettlementSecurityRules {

    @Bean
    SecurityRules settlementRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/payment-instructions", "/api/v1/payment-instructions/export",
                        "/api/v1/payment-instructions/*").hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/payment-instructions/*/acknowledgement")
                        .hasRole(INSURER.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/payees/*/statement")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/period-close").hasRole(OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/risk-equalisation/attribution")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/ledger/invariants").hasRole(OPERATOR.name())
                // Stricter than the library's default (any valid token): an API path or method not listed above is
                // refused, so a future endpoint is closed until it gets its own rule here.
                .requestMatchers("/api/v1/**").denyAll();
    }
}
