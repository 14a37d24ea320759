package nl.bdss.reporting;

/** Properties shared by the integration tests. */
final class TestProperties {

    /**
     * Switches the service's security off: every path open, no token read, nothing audited, no insurer filter. Only
     * for the functional tests that are not about security; ReportingSecurityIT and DashboardBrowserIT run with it
     * on. Never set it in a deployed configuration.
     */
    static final String SECURITY_OFF = "bdss.security.enabled=false";

    private TestProperties() {
    }
}
