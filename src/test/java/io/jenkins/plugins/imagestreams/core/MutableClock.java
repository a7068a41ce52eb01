package io.jenkins.plugins.imagestreams.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand; every instant is deterministic. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * Creates the clock.
     *
     * @param start the first instant
     */
    public MutableClock(final Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far
     */
    public void advance(final Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(final ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
