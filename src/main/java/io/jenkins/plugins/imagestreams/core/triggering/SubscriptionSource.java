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
}
