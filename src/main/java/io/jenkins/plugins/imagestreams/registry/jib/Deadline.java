package io.jenkins.plugins.imagestreams.registry.jib;

import java.time.Duration;

/**
 * The end of one registry call, on the monotonic clock. Every request, token request and fallback of the call
 * takes its timeout from the time left, so no retry can run past it.
 */
final class Deadline {
    private final long endNanos;
    private final Duration total;

    private Deadline(final long endNanos, final Duration total) {
        this.endNanos = endNanos;
        this.total = total;
    }

    /**
     * Starts a deadline now.
     *
     * @param total the overall time allowed, positive
     * @return the deadline
     */
    static Deadline in(final Duration total) {
        return new Deadline(System.nanoTime() + total.toNanos(), total);
    }

    /**
     * Returns the time left, capped.
     *
     * @param cap the most to return, e.g. a read timeout
     * @return the smaller of the time left and {@code cap}; zero or negative once expired
     */
    Duration remaining(final Duration cap) {
        Duration left = left();
        return left.compareTo(cap) < 0 ? left : cap;
    }

    /**
     * Returns the time left.
     *
     * @return the time until the deadline; zero or negative once expired
     */
    Duration left() {
        return Duration.ofNanos(endNanos - System.nanoTime());
    }

    /**
     * Whether the deadline has passed.
     *
     * @return true when no time is left
     */
    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /**
     * Returns the overall time allowed, for messages.
     *
     * @return the duration the deadline was started with
     */
    Duration total() {
        return total;
    }
}
