package nl.bdss.security.testapp;

import java.util.Map;
import java.util.UUID;
import nl.bdss.security.BdssSecurityConfiguration;
import nl.bdss.security.CurrentClient;
import nl.bdss.security.SecurityRules;
import nl.bdss.security.audit.AuditObject;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A service in miniature: imports the security configuration and declares its role rules like a real one. */
@SpringBootApplication
@Import(BdssSecurityConfiguration.class)
public class SecurityTestApplication {

    public static final String CONFIG_NAME = "spring.config.name=security-test-app";

    @Bean
    SecurityRules thingRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/things").hasRole("INSURER")
                .requestMatchers(HttpMethod.GET, "/api/v1/things/**").hasAnyRole("INSURER", "OPERATOR")
                .requestMatchers(HttpMethod.GET, "/api/v1/settlements/**").hasAnyRole("INSURER", "OPERATOR");
    }

    @RestController
    static class ThingController {

        @GetMapping("/api/v1/things/{id}")
        Map<String, Object> thing(@PathVariable String id) {
            CurrentClient client = CurrentClient.require();
            return Map.of("id", id, "client", client.clientId(), "roles", client.rolesText(),
                    "uzovi", client.uzovi().orElse("-"),
                    "restriction", CurrentClient.insurerRestriction().orElse("none"));
        }

        @PostMapping("/api/v1/things")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> create() {
            String id = UUID.randomUUID().toString();
            AuditObject.describe("thing", id);
            return Map.of("id", id);
        }

        @GetMapping("/api/v1/settlements/{settlementId}")
        Map<String, Object> settlement(@PathVariable String settlementId) {
            return Map.of("id", settlementId, "amountCents", 12_345);
        }
    }
}
