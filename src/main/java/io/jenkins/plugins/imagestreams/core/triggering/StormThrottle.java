package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.importing.SlidingWindowLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most K downstream runs per stream in any sliding minute. A run triggered by tags of several streams counts
 * against each. Runs beyond the cap wait for room: the triggerer retries them, ordered by how long they waited.
 * Kept in memory: after a restart each stream starts with a full minute of room.
 */
public final class StormThrottle {
    private final int runsPerMinute;
    private final Map<String, SlidingWindowLimiter> streams = new ConcurrentHashMap<>();

    /**
     * Creates the throttle.
     *
     * @param runsPerMinute K, at least 1
     */
    public StormThrottle(final int runsPerMinute) {
        this.runsPerMinute = runsPerMinute;
    }

    /**
     * Returns how long until a run may be triggered by all of these streams.
     *
     * @param names the stream names
     * @param now the current time
     * @return zero when every stream has room now
     */
    public Duration waitTime(final Collection<String> names, final Instant now) {
        Duration wait = Duration.ZERO;
        for (String name : names) {
            Duration own = limiter(name).waitTime(now);
            wait = own.compareTo(wait) > 0 ? own : wait;
        }
        return wait;
    }

    /**
     * Counts one run against each stream; call only after {@link #waitTime} said zero, from one thread.
     *
     * @param names the stream names
     * @param now the current time
     */
    public void acquire(final Collection<String> names, final Instant now) {
        names.forEach(name -> limiter(name).tryAcquire(now));
    }

    private SlidingWindowLimiter limiter(final String stream) {
        return streams.computeIfAbsent(stream, s -> new SlidingWindowLimiter(runsPerMinute, Duration.ofMinutes(1)));
    }
}
