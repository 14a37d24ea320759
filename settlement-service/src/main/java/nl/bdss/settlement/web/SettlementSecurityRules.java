package nl.bdss.settlement.web;

import static nl.bdss.security.BdssRole.INSURER;
import static nl.bdss.security.BdssRole.OPERATOR;
import static nl.bdss.security.BdssRole.PROVIDER;

import nl.bdss.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which settlement endpoint. Settlement data is the insurers', the payees' and the operator's: the
 * trusted third party has no business here. What an insurer or a provider sees within an allowed endpoint (its own
 * UZOVI, its own AGB as the payee) is decided in the queries, with {@code CurrentClient.insurerRestriction()} and
 * {@code CurrentClient.providerRestriction()}.
 *
 * <ul>
 *   <li>payment instructions (list, one, period CSV): INSURER (the lines it pays), PROVIDER (the lines paid to its
 *       AGB: what each insurer will pay it, and the status; a main contractor, R10, is the payee of the Zvw lines it
 *       receives) and OPERATOR (all);</li>
 *   <li>payee statements: INSURER (its own lines for the payee), PROVIDER (its own AGB only; another AGB 404) and
 *       OPERATOR (all);</li>
 *   <li>acknowledging a payment instruction: INSURER only, its own instructions (the insurer pays; neither the payee
 *       nor an operator records another party's payments);</li>
 *   <li>period close, service-year close and the closed years, and the ledger invariants: OPERATOR only (they span
 *       every insurer's and payee's money);</li>
 *   <li>claims burden: INSURER (its own UZOVI; another insurer 403) and OPERATOR (a named insurer); a provider and
 *       the trusted third party have no claims burden;</li>
 *   <li>risk equalisation (attribution, choices of key, stored attributions, key agreement): INSURER (own UZOVI,
 *       small counts withheld) and OPERATOR (any insurer); a provider has no risk equalisation and no business with
 *       an insurer's insured counts;</li>
 *   <li>a payee's bank account: PROVIDER registers and reads its own (another AGB 404) and its history, OPERATOR on
 *       its behalf; INSURER reads it only when it pays that payee (else 404), and neither registers it nor reads its
 *       history; an insurer's debtor account and its history: INSURER (own UZOVI; another 403) and OPERATOR.</li>
 *   <li>payment runs (create, cancel, list, one): INSURER (its own UZOVI; another's run 404) and OPERATOR (on an
 *       insurer's behalf, all); their remittance advice also PROVIDER (the transfer to its own AGB only).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SettlementSecurityRules {

    @Bean
    SecurityRules settlementRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/payment-instructions", "/api/v1/payment-instructions/export",
                        "/api/v1/payment-instructions/*").hasAnyRole(INSURER.name(), PROVIDER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/payment-instructions/*/acknowledgement")
                        .hasRole(INSURER.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/payees/*/statement")
                        .hasAnyRole(INSURER.name(), PROVIDER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/period-close").hasRole(OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/service-years/*/close").hasRole(OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/service-years").hasRole(OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/claims-burden").hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/risk-equalisation/attribution")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.PUT, "/api/v1/risk-equalisation/choices/*")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/risk-equalisation/choices",
                        "/api/v1/risk-equalisation/attributions", "/api/v1/risk-equalisation/key-agreement")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/ledger/invariants").hasRole(OPERATOR.name())
                .requestMatchers(HttpMethod.PUT, "/api/v1/payees/*/bank-account")
                        .hasAnyRole(PROVIDER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/payees/*/bank-account")
                        .hasAnyRole(INSURER.name(), PROVIDER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/payees/*/bank-account/history")
                        .hasAnyRole(PROVIDER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.PUT, "/api/v1/insurers/*/bank-account")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/insurers/*/bank-account",
                        "/api/v1/insurers/*/bank-account/history").hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/payment-runs", "/api/v1/payment-runs/*/cancellation",
                        "/api/v1/payment-runs/*/status-report")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/payment-runs/*/pain001")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/payment-runs/*/remittance")
                        .hasAnyRole(INSURER.name(), PROVIDER.name(), OPERATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/payment-runs", "/api/v1/payment-runs/*")
                        .hasAnyRole(INSURER.name(), OPERATOR.name())
                // Stricter than the library's default (any valid token): an API path or method not listed above is
                // refused, so a future endpoint is closed until it gets its own rule here.
                .requestMatchers("/api/v1/**").denyAll();
    }
}
