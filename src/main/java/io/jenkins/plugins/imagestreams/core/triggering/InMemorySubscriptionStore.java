package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SubscriptionStore} in memory, for the command line and tests. Thread-safe. */
public final class InMemorySubscriptionStore implements SubscriptionStore {
    private final Map<String, Map<SubscriptionKey, SubscriptionState>> jobs = new ConcurrentHashMap<>();

    @Override
    public Map<SubscriptionKey, SubscriptionState> load(final String jobFullName) {
        return Map.copyOf(jobs.getOrDefault(jobFullName, Map.of()));
    }

    @Override
    public void save(final String jobFullName, final Map<SubscriptionKey, SubscriptionState> states) {
        SubscriptionStates.requireJob(jobFullName, states);
        jobs.compute(jobFullName, (job, old) -> {
            Map<SubscriptionKey, SubscriptionState> next = new HashMap<>(old == null ? Map.of() : old);
            next.putAll(states);
            return Map.copyOf(next);
        });
    }

    @Override
    public void remove(final String jobFullName) {
        jobs.remove(jobFullName);
    }

    @Override
    public synchronized void rename(final String oldJobFullName, final String newJobFullName) {
        if (oldJobFullName.equals(newJobFullName)) {
            return;
        }
        Map<SubscriptionKey, SubscriptionState> states = jobs.remove(oldJobFullName);
        if (states == null) {
            jobs.remove(newJobFullName);
        } else {
            jobs.put(newJobFullName, SubscriptionStates.renamed(states, newJobFullName));
        }
    }
}
