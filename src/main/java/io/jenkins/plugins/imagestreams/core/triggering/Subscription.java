package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.image.Platform;
import java.util.List;

/**
 * A job's subscription to a stream tag: the job is built when the tag's digest changes.
 *
 * @param jobFullName the job's full name, e.g. {@code folder/app-build}
 * @param stream the stream name
 * @param tag the tag name; an alias follows its target
 * @param platforms the platforms whose images count as a change; empty to use the tag's import policy, whose
 *     own empty list means the whole image
 */
public record Subscription(String jobFullName, String stream, String tag, List<Platform> platforms) {
    /** Validates and copies the record. */
    public Subscription {
        new SubscriptionKey(jobFullName, stream, tag);
        platforms = List.copyOf(platforms);
    }

    /**
     * A subscription to all platforms of a tag.
     *
     * @param jobFullName the job's full name
     * @param stream the stream name
     * @param tag the tag name
     * @return the subscription
     */
    public static Subscription of(final String jobFullName, final String stream, final String tag) {
        return new Subscription(jobFullName, stream, tag, List.of());
    }

    /**
     * Returns the key its state is stored under.
     *
     * @return job, stream and tag
     */
    public SubscriptionKey key() {
        return new SubscriptionKey(jobFullName, stream, tag);
    }
}
