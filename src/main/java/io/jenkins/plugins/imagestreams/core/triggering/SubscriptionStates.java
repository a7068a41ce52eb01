package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.Map;

/** Checks shared by the subscription stores. */
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
}
