package io.jenkins.plugins.imagestreams.core.triggering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one evaluation of all subscriptions did.
 *
 * @param at when it ran
 * @param outcomes one decision per subscription
 * @param scheduled the requests handed to the build scheduler and accepted, one per job at most
 * @param failures one line per job whose evaluation failed (store or scheduler error); repaired next time
 * @param nextDelay the shortest wait of a postponed trigger (cool-down, quiet period, staggered), if any
 */
public record TriggerReport(
        Instant at,
        List<SubscriptionOutcome> outcomes,
        List<TriggerRequest> scheduled,
        List<String> failures,
        Optional<Duration> nextDelay) {
    /** Validates and copies the record. */
    public TriggerReport {
        Objects.requireNonNull(at, "at");
        outcomes = List.copyOf(outcomes);
        scheduled = List.copyOf(scheduled);
        failures = List.copyOf(failures);
        Objects.requireNonNull(nextDelay, "nextDelay");
    }

    /**
     * Returns the decisions with one reason.
     *
     * @param reason the reason
     * @return the matching outcomes
     */
    public List<SubscriptionOutcome> with(final TriggerReason reason) {
        return outcomes.stream().filter(o -> o.decision().reason() == reason).toList();
    }
}
