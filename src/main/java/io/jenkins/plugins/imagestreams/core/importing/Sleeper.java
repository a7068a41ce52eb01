package io.jenkins.plugins.imagestreams.core.importing;

import java.time.Duration;

/** Waits; tests replace it with one that moves their clock instead. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the current thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /**
     * Waits for a while.
     *
     * @param duration how long, not negative
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
