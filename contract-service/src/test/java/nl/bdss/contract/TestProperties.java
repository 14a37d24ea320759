package nl.bdss.contract;

/** Spring properties shared by the integration tests. */
public final class TestProperties {

    /**
     * Switches security off (every path open, no token read, nothing audited or rate-limited, no tenant filtering).
     * ONLY for the functional tests that are not about security; ContractSecurityIT runs with it on, and no deployed
     * configuration may ever set it.
     */
    public static final String SECURITY_OFF = "bdss.security.enabled=false";

    private TestProperties() {
    }
}
