package nl.bdss.allocation;

/** Properties shared by the service's integration tests. */
public final class TestProperties {

    /**
     * Switches security off (every path open, no token read, nothing audited or rate-limited). Only for the
     * functional tests that are not about security and the intake benchmark; AllocationSecurityIT runs with it on.
     */
    public static final String SECURITY_OFF = "bdss.security.enabled=false";

    private TestProperties() {
    }
}
