package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.Objects;

/**
 * The decision for one subscription in one evaluation.
 *
 * @param subscription the subscription
 * @param decision what was decided
 */
public record SubscriptionOutcome(Subscription subscription, TriggerDecision decision) {
    /** Validates the record. */
    public SubscriptionOutcome {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(decision, "decision");
    }
}
