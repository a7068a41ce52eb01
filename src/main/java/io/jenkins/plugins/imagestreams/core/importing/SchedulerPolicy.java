package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunables of {@link ImportScheduler} beyond each stream's own interval.
 *
 * @param backoffBase the wait after the first failure; it doubles with each further consecutive failure
 * @param backoffCap the longest wait after failures
 * @param lowRemaining a {@code ratelimit-remaining} at or below this counts as low
 * @param lowRemainingPause how long a tag waits after the registry reported a low {@code ratelimit-remaining}
 */
public record SchedulerPolicy(Duration backoffBase, Duration backoffCap, int lowRemaining, Duration lowRemainingPause) {
    /** 30 seconds doubling up to 1 hour; a remaining budget of 10 or less pauses the tag for 15 minutes. */
    public static final SchedulerPolicy DEFAULT =
            new SchedulerPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 10, Duration.ofMinutes(15));

    /** Validates the record. */
    public SchedulerPolicy {
        requirePositive("backoffBase", backoffBase);
        requirePositive("backoffCap", backoffCap);
        requirePositive("lowRemainingPause", lowRemainingPause);
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be below backoffBase");
        }
        if (lowRemaining < 0) {
            throw new IllegalArgumentException("lowRemaining must not be negative");
        }
    }

    private static void requirePositive(final String name, final Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /**
     * Returns the wait after a number of consecutive failures.
     *
     * @param failures consecutive failures, at least 1
     * @return {@code backoffBase * 2^(failures-1)}, at most {@code backoffCap}
     */
    public Duration backoff(final int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 40);
        Duration wait = backoffBase;
        for (int i = 0; i < doublings && wait.compareTo(backoffCap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffCap) > 0 ? backoffCap : wait;
    }
}
