package nl.bdss.settlement.settling.persistence;

/**
 * The one PostgreSQL advisory lock that keeps booking and closing a service year apart, across every instance:
 * a booking transaction holds it shared (bookings run side by side), a year close exclusively, so a close waits for
 * the bookings in flight and a booking waits for a close, and each sees one consistent set of closed years.
 */
final class ServiceYearLock {

    /** An arbitrary constant of this service's own: "BDSS" + "SY" in ASCII. */
    static final long KEY = 0x4244_5353_5359L;

    static final String SHARED = "select pg_advisory_xact_lock_shared(" + KEY + ")";
    static final String EXCLUSIVE = "select pg_advisory_xact_lock(" + KEY + ")";

    private ServiceYearLock() {
    }
}
