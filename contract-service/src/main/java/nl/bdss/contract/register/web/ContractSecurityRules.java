package nl.bdss.contract.register.web;

import nl.bdss.security.BdssRole;
import nl.bdss.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint of the contract register (roles come from the token's scope). Which contracts an
 * insurer or provider may see or change (only those it signs) is decided with {@link CallerParty}.
 *
 * <ul>
 *   <li>Insurers propose contracts, amendments and terminations (as a party), withdraw their own proposals, accept or
 *       decline the proposals that ask them, and read their own contracts.</li>
 *   <li>Providers accept or decline the proposals that ask them and read the contracts they sign; they propose
 *       nothing (not in this release).</li>
 *   <li>Operators read every contract and write none. Registering on an insurer's behalf is not offered: the issue
 *       allows it only as an explicit, audited action, which would be an endpoint of its own with a mandatory
 *       reason, not a wider insurer rule. Deciding on a party's behalf is never offered (R1).</li>
 *   <li>Previews (nothing stored) for insurers and providers of the draft or proposal, and operators.</li>
 *   <li>The Zvw sector register (R7): every role that uses the register reads it (back offices need the list to
 *       write contracts); only operators maintain it.</li>
 *   <li>The trusted third party has nothing to do here.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ContractSecurityRules {

    private static final String INSURER = BdssRole.INSURER.name();
    private static final String PROVIDER = BdssRole.PROVIDER.name();
    private static final String OPERATOR = BdssRole.OPERATOR.name();

    @Bean
    SecurityRules contractSecurity() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts/preview").hasAnyRole(INSURER, PROVIDER, OPERATOR)
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts", "/api/v1/contracts/*/amendments",
                        "/api/v1/contracts/*/termination").hasRole(INSURER)
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/acceptances").hasAnyRole(INSURER, PROVIDER)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/contracts/*/proposal").hasRole(INSURER)
                .requestMatchers(HttpMethod.GET, "/api/v1/contracts", "/api/v1/contracts/*",
                        "/api/v1/contracts/*/versions", "/api/v1/contracts/*/versions/*",
                        "/api/v1/contracts/*/proposal", "/api/v1/contracts/*/proposal/preview")
                .hasAnyRole(INSURER, PROVIDER, OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/v1/zvw-sectors").hasAnyRole(INSURER, PROVIDER, OPERATOR)
                .requestMatchers(HttpMethod.PUT, "/api/v1/zvw-sectors/*").hasRole(OPERATOR)
                // Any other method or path under the register is not an endpoint: refuse it for every role.
                .requestMatchers("/api/v1/contracts", "/api/v1/contracts/**", "/api/v1/zvw-sectors",
                        "/api/v1/zvw-sectors/**").denyAll();
    }
}
