package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.List;

/**
 * The port that lists subscriptions: in the plugin, the jobs' {@code imageStream} triggers and the downstream
 * jobs listed on stream tags in the global configuration.
 */
@FunctionalInterface
public interface SubscriptionSource {
    /**
     * Returns every subscription.
     *
     * @return the subscriptions; the same key may appear once
     */
    List<Subscription> all();

    /**
     * Returns the subscriptions of one job. The default filters {@link #all()}; a source that can look one job
     * up directly should do so, since this is asked each time a build of any job starts.
     *
     * @param jobFullName the job's full name
     * @return its subscriptions, possibly none
     */
    default List<Subscription> of(final String jobFullName) {
        return all().stream().filter(s -> s.jobFullName().equals(jobFullName)).toList();
    }
}
