package nl.bdss.settlement;

/** Properties shared by the service's integration tests. */
public final class TestProperties {

    /**
     * Switches the service's security off: every path open, no token read, nothing audited or rate-limited, no
     * insurer restriction. ONLY for the functional tests that are not about security; SettlementSecurityIT runs with
     * it on, and no deployed configuration ever sets it.
     */
    public static final String SECURITY_OFF = "bdss.security.enabled=false";

    private TestProperties() {
    }
}
