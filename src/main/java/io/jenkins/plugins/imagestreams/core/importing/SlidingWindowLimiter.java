package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * At most {@code permits} grants in any window of length {@code window}: a sliding-window log that keeps the
 * instants of the last {@code permits} grants in a ring. A grant is allowed when the oldest of them is at least
 * {@code window} old, so every half-open interval {@code [t, t + window)} holds at most {@code permits} grants.
 *
 * <p>Driven by the instants callers pass (from an injected clock); it never reads a clock or sleeps. Thread-safe.
 * Memory is {@code permits} instants.
 */
public final class SlidingWindowLimiter {
    private final int permits;
    private final Duration window;
    private final Instant[] grants;
    private int next;

    /**
     * Creates a limiter.
     *
     * @param permits the most grants per window, 1 to 1,000,000
     * @param window the window, positive
     * @throws IllegalArgumentException if a value is out of range
     */
    public SlidingWindowLimiter(final int permits, final Duration window) {
        if (permits < 1 || permits > 1_000_000) {
            throw new IllegalArgumentException("permits must be between 1 and 1000000: " + permits);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.permits = permits;
        this.window = window;
        this.grants = new Instant[permits];
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
        grants[next] = now;
        next = (next + 1) % permits;
        return true;
    }

    /**
     * Returns how long until a permit is free.
     *
     * @param now the current time
     * @return zero when a permit is free now, else the time until the oldest grant leaves the window
     */
    public synchronized Duration waitTime(final Instant now) {
        Instant oldest = grants[next];
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, oldest.plus(window));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /**
     * Returns how many grants are free now.
     *
     * @param now the current time
     * @return between 0 and {@link #permits()}
     */
    public synchronized int available(final Instant now) {
        Instant cutoff = now.minus(window);
        int free = 0;
        for (Instant grant : grants) {
            if (grant == null || !grant.isAfter(cutoff)) {
                free++;
            }
        }
        return free;
    }
}
