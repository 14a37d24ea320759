package nl.bdss.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and moves (UTC); the service reads it like the system clock, so nothing depends on today. */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    /** A clock at noon (UTC) of the given day, such as {@code 2026-11-22}. */
    public static TestClock atNoonOf(String day) {
        return new TestClock(Instant.parse(day + "T12:00:00Z"));
    }

    public void moveTo(Instant instant) {
        now = instant;
    }

    /** Moves to noon (UTC) of the given day. */
    public void moveToNoonOf(String day) {
        moveTo(Instant.parse(day + "T12:00:00Z"));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
