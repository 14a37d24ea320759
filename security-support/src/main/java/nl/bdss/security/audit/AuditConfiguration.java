package nl.bdss.security.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail's store and its operator endpoint; the filter is part of the security chain. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc) {
        return new AuditTrail(jdbc);
    }

    @Bean
    AuditController auditController(AuditTrail auditTrail) {
        return new AuditController(auditTrail);
    }
}
