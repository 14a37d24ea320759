package nl.bdss.reporting;

import static nl.bdss.security.BdssRole.INSURER;
import static nl.bdss.security.BdssRole.OPERATOR;

import nl.bdss.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint of the reporting service. The trusted third party (scope ttp) and providers (scope
 * provider) have no business here and are refused everywhere (403): a provider's own money (its payment
 * instructions and payee statement) is in settlement-service, its contracts in contract-service, and every reporting
 * figure is either an insurer's or a sum over insurers and providers.
 *
 * <table>
 *   <caption>Roles per endpoint</caption>
 *   <tr><th>endpoint</th><th>INSURER</th><th>PROVIDER</th><th>OPERATOR</th><th>audit</th></tr>
 *   <tr><td>GET /api/v1/sector-loads, /monitor, /alerts, /region-loads</td>
 *       <td>yes: the sector-wide figures, except those resting on one or two contracts of other parties (small
 *       cells, withheld as null with {@code suppressed: true}); alerts without {@code cause}</td><td>no</td>
 *       <td>yes, in full</td><td>-</td></tr>
 *   <tr><td>GET /api/v1/sector-loads/years, /macro-budgets, /regions, /today</td>
 *       <td>yes: years and public reference data</td><td>no</td><td>yes</td><td>-</td></tr>
 *   <tr><td>GET /api/v1/sector-loads/by-insurer, /sector-loads/by-contract, /settlements/by-period</td>
 *       <td>only its own settled lines (uzovi), filtered in SQL, in full</td><td>no</td><td>all</td>
 *       <td>sensitive read</td></tr>
 *   <tr><td>GET /api/v1/contracts, /contracts/by-status, /allocations/pending</td>
 *       <td>only contracts where it is a party (current version)</td><td>no</td><td>all</td><td>-</td></tr>
 *   <tr><td>PUT /api/v1/macro-budgets/{sector}/{year}, POST /api/v1/macro-budgets, POST /api/v1/regions</td>
 *       <td>no</td><td>no</td><td>yes</td><td>write</td></tr>
 *   <tr><td>GET /api/v1/operations/topics, /operations/rebuild, POST /api/v1/operations/rebuild</td>
 *       <td>no</td><td>no</td><td>yes</td><td>write for POST</td></tr>
 * </table>
 *
 * <p>Why insurers may read the sector-wide figures: the sector loads, the MBI alerts derived from them and the NZa
 * monitor are totals over all contracts and insurers, the kind of figure the NZa publishes itself; they name no
 * insurer, and a figure that would show what one or two other parties agreed is withheld from insurers (see
 * {@code nl.bdss.reporting.privacy.domain.Audience}). Macro budgets and regions are public reference data. Everything
 * that names an insurer, or adds up one insurer's settled lines, is confined to the caller's own UZOVI from the token
 * (see the controllers).
 */
@Configuration(proxyBeanMethods = false)
class ReportingSecurityRules {

    @Bean
    SecurityRules reportingRules() {
        String insurer = INSURER.name();
        String operator = OPERATOR.name();
        return rules -> rules
                // operator actions: reference data and the read-model machinery
                .requestMatchers(HttpMethod.PUT, "/api/v1/macro-budgets/*/*").hasRole(operator)
                .requestMatchers(HttpMethod.POST, "/api/v1/macro-budgets", "/api/v1/regions").hasRole(operator)
                .requestMatchers("/api/v1/operations", "/api/v1/operations/**").hasRole(operator)
                // per insurer or per contract: insurers see their own rows only (filtered in the queries)
                .requestMatchers(HttpMethod.GET, "/api/v1/sector-loads/by-insurer", "/api/v1/sector-loads/by-contract",
                        "/api/v1/settlements/by-period", "/api/v1/contracts", "/api/v1/contracts/by-status",
                        "/api/v1/allocations/pending").hasAnyRole(insurer, operator)
                // sector-wide aggregates and reference data
                .requestMatchers(HttpMethod.GET, "/api/v1/sector-loads", "/api/v1/sector-loads/years",
                        "/api/v1/monitor", "/api/v1/alerts", "/api/v1/macro-budgets", "/api/v1/regions",
                        "/api/v1/region-loads", "/api/v1/today").hasAnyRole(insurer, operator)
                // an API path without a rule above (a new endpoint, another method) is refused, not open to any token
                .requestMatchers("/api/v1/**").denyAll();
    }
}
