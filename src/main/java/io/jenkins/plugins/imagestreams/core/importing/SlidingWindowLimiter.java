package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * At most {@code permits} grants in any window of length {@code window}: a sliding-window log of the grants
 * still inside the window, oldest first. A grant is allowed when fewer than {@code permits} of them are less than
 * {@code window} old, so every half-open interval {@code [t, t + window)} holds at most {@code permits} grants.
 *
 * <p>Driven by the instants callers pass (from an injected clock); it never reads a clock or sleeps. Thread-safe.
 * Memory is one instant per grant still inside the window (at most {@code permits}), so a lifted cap such as
 * {@link Integer#MAX_VALUE} costs nothing until it is used.
 */
public final class SlidingWindowLimiter {
    private final int permits;
    private final Duration window;
    private final Deque<Instant> grants = new ArrayDeque<>();

    /**
     * Creates a limiter.
     *
     * @param permits the most grants per window, at least 1
     * @param window the window, positive
     * @throws IllegalArgumentException if a value is out of range
     */
    public SlidingWindowLimiter(final int permits, final Duration window) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.permits = permits;
        this.window = window;
    }

    /**
     * Returns the most grants per window.
     *
     * @return the permits
     */
    public int permits() {
        return permits;
    }

    /**
     * Takes a permit if one is free.
     *
     * @param now the current time
     * @return true if granted (and recorded at {@code now})
     */
    public synchronized boolean tryAcquire(final Instant now) {
        if (!waitTime(now).isZero()) {
            return false;
        }
        grants.addLast(now);
        return true;
    }

    /**
     * Returns how long until a permit is free.
     *
     * @param now the current time
     * @return zero when a permit is free now, else the time until the oldest grant leaves the window
     */
    public synchronized Duration waitTime(final Instant now) {
        forgetExpired(now);
        if (grants.size() < permits) {
            return Duration.ZERO;
        }
        return Duration.between(now, grants.peekFirst().plus(window));
    }

    /**
     * Returns how many grants are free now.
     *
     * @param now the current time
     * @return between 0 and {@link #permits()}
     */
    public synchronized int available(final Instant now) {
        forgetExpired(now);
        return permits - grants.size();
    }

    /** Drops the grants, oldest first, that are at least {@code window} old at {@code now}. */
    private void forgetExpired(final Instant now) {
        while (!grants.isEmpty() && !grants.peekFirst().plus(window).isAfter(now)) {
            grants.removeFirst();
        }
    }
}
