package nl.bdss.security;

import static org.assertj.core.api.Assertions.assertThat;

import nl.bdss.security.testapp.SecurityTestApplication;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The switch for functional tests that are not about security: every path open, no audit trail beans. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SecurityTestApplication.CONFIG_NAME, "bdss.security.enabled=false"})
@UsesInfrastructure(database = "security")
class SecurityDisabledIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void withSecurityDisabled_writesNeedNoToken_andNothingIsAudited() {
        assertThat(Http.post(port, "/api/v1/things", null).statusCode()).isEqualTo(201);
        assertThat(context.getBeanNamesForType(nl.bdss.security.audit.AuditTrail.class)).isEmpty();
        assertThat(CurrentClient.insurerRestriction()).isEmpty();
    }
}
