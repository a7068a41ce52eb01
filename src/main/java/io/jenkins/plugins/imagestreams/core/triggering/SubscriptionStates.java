package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.HashMap;
import java.util.Map;

/** Checks and conversions shared by the subscription stores. */
final class SubscriptionStates {
    private SubscriptionStates() {}

    static void requireJob(final String jobFullName, final Map<SubscriptionKey, SubscriptionState> states) {
        for (SubscriptionKey key : states.keySet()) {
            if (!key.jobFullName().equals(jobFullName)) {
                throw new IllegalArgumentException(
                        "state of job '" + key.jobFullName() + "' saved under job '" + jobFullName + "'");
            }
        }
    }

    /** The same states, keyed by another job name. */
    static Map<SubscriptionKey, SubscriptionState> renamed(
            final Map<SubscriptionKey, SubscriptionState> states, final String newJobFullName) {
        Map<SubscriptionKey, SubscriptionState> moved = new HashMap<>();
        states.forEach((key, state) -> moved.put(new SubscriptionKey(newJobFullName, key.stream(), key.tag()), state));
        return Map.copyOf(moved);
    }
}
