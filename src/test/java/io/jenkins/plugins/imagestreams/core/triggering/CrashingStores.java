package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.store.StatusStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores that pass fault points before and after each write, around durable in-memory stores. */
final class CrashingStores {
    private CrashingStores() {}

    static StatusStore status(final StatusStore durable, final Crash crash) {
        return new StatusStore() {
            @Override
            public Optional<ImageStreamStatus> load(final String stream) {
                crash.alive("status load");
                return durable.load(stream);
            }

            @Override
            public void save(final ImageStreamStatus status) {
                crash.point("status save, before write");
                durable.save(status);
                crash.point("status save, after write");
            }

            @Override
            public Set<String> streams() {
                crash.alive("status list");
                return durable.streams();
            }
        };
    }

    static SubscriptionStore subscriptions(final SubscriptionStore durable, final Crash crash) {
        return new SubscriptionStore() {
            @Override
            public Map<SubscriptionKey, SubscriptionState> load(final String job) {
                crash.alive("subscription load");
                return durable.load(job);
            }

            @Override
            public void save(final String job, final Map<SubscriptionKey, SubscriptionState> states) {
                crash.point("subscription save, before write");
                durable.save(job, states);
                crash.point("subscription save, after write");
            }

            @Override
            public void remove(final String job) {
                crash.point("subscription remove");
                durable.remove(job);
            }

            @Override
            public void rename(final String oldJob, final String newJob) {
                crash.point("subscription rename");
                durable.rename(oldJob, newJob);
            }
        };
    }
}
