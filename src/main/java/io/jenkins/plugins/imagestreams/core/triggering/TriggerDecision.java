package io.jenkins.plugins.imagestreams.core.triggering;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What was decided for one subscription.
 *
 * @param fire whether a build was scheduled for it in this evaluation
 * @param reason why
 * @param nextDelay for a postponed trigger (cool-down, quiet period, staggered): how long until it may fire;
 *     zero otherwise
 * @param cause the cause a fired, ready or postponed trigger carries; for {@link TriggerReason#BASELINE}, the
 *     current digest that becomes the baseline
 */
public record TriggerDecision(boolean fire, TriggerReason reason, Duration nextDelay, Optional<TriggerCause> cause) {
    /** Validates the record. */
    public TriggerDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(nextDelay, "nextDelay");
        Objects.requireNonNull(cause, "cause");
        if (fire && cause.isEmpty()) {
            throw new IllegalArgumentException("a fired decision carries its cause");
        }
    }

    /**
     * A decision not to fire now.
     *
     * @param reason why
     * @return the decision
     */
    public static TriggerDecision hold(final TriggerReason reason) {
        return new TriggerDecision(false, reason, Duration.ZERO, Optional.empty());
    }

    /**
     * Returns a copy with another outcome.
     *
     * @param newFire whether it fired
     * @param newReason why
     * @param delay how long until it may fire, when postponed
     * @return the copy, keeping the cause
     */
    public TriggerDecision with(final boolean newFire, final TriggerReason newReason, final Duration delay) {
        return new TriggerDecision(newFire, newReason, delay.isNegative() ? Duration.ZERO : delay, cause);
    }

    /**
     * Whether the subscription is ready to fire, pending the job's quiet period and the stream's throttle.
     *
     * @return true for {@link TriggerReason#CHANGED} and {@link TriggerReason#FIRST_RUN}
     */
    public boolean ready() {
        return reason == TriggerReason.CHANGED || reason == TriggerReason.FIRST_RUN;
    }
}
