package nl.bdss.contract;

/** Spring properties shared by the integration tests. */
public final class TestProperties {

    /**
     * The functional tests send many requests per client in quick succession; the rate limit is ContractSecurityIT's
     * subject, not theirs. (They run with security on: every change needs each party's acceptance with its own
     * token, which a service with security switched off cannot tell apart.)
     */
    public static final String RATE_LIMIT_OFF = "bdss.security.rate-limit.enabled=false";

    private TestProperties() {
    }
}
