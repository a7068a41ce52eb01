package io.jenkins.plugins.imagestreams.core.triggering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The decisions of one job's subscriptions before the quiet period, throttling and scheduling.
 *
 * @param job the job's full name
 * @param outcomes one per subscription
 */
record JobPlan(String job, List<SubscriptionOutcome> outcomes) {
    List<SubscriptionOutcome> ready() {
        return outcomes.stream().filter(o -> o.decision().ready()).toList();
    }

    /** When the oldest ready change happened: jobs that waited longest are served first. */
    Optional<Instant> oldestReadyChange() {
        return ready().stream()
                .map(o -> o.decision().cause().orElseThrow().changedAt())
                .min(Instant::compareTo);
    }

    Optional<Instant> newestReadyChange() {
        return ready().stream()
                .map(o -> o.decision().cause().orElseThrow().changedAt())
                .max(Instant::compareTo);
    }
}
