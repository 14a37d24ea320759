package nl.bdss.settlement.paymentruns.persistence;

/**
 * The PostgreSQL advisory locks of payment runs, held to the end of the transaction: one per insurer (runs of one
 * insurer, and a manual acknowledgement against a run being made, one at a time) and one per idempotency key.
 */
final class RunLocks {

    /** The first key of the two-key insurer lock: "PR" in ASCII; the second is the UZOVI code as a number. */
    static final int INSURER_CLASS = 0x5052;

    static final String INSURER = "select pg_advisory_xact_lock(" + INSURER_CLASS + ", cast(? as int))";
    static final String KEY = "select pg_advisory_xact_lock(hashtextextended('payment-run-key ' || ?, 0))";

    private RunLocks() {
    }
}
