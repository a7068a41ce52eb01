package io.jenkins.plugins.imagestreams.core.triggering;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link Triggerer} decides.
 *
 * @param firstRun what a subscription without stored state does
 * @param cooldown the least age of a digest (since the tag was set to it) before it triggers
 * @param quietPeriod changes of several tags for one job are gathered until none came for this long
 * @param maxQuietWait a job waits at most this long (since its oldest pending change) for the quiet period
 * @param runsPerStreamPerMinute the most downstream runs triggered by one stream in any sliding minute; the rest
 *     wait for room, they are not dropped
 */
public record TriggerPolicy(
        FirstRunPolicy firstRun,
        Duration cooldown,
        Duration quietPeriod,
        Duration maxQuietWait,
        int runsPerStreamPerMinute) {
    /** Wait for change, no cool-down, a 10-second quiet period (at most 2 minutes), 20 runs per stream per minute. */
    public static final TriggerPolicy DEFAULT = new TriggerPolicy(
            FirstRunPolicy.WAIT_FOR_CHANGE, Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(2), 20);

    /** Validates the record. */
    public TriggerPolicy {
        Objects.requireNonNull(firstRun, "firstRun");
        requireNotNegative("cooldown", cooldown);
        requireNotNegative("quietPeriod", quietPeriod);
        requireNotNegative("maxQuietWait", maxQuietWait);
        if (runsPerStreamPerMinute < 1) {
            throw new IllegalArgumentException("runsPerStreamPerMinute must be at least 1: " + runsPerStreamPerMinute);
        }
    }

    private static void requireNotNegative(final String name, final Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
