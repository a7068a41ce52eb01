package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.model.Names;
import java.util.Objects;

/**
 * What a {@link SubscriptionState} is stored under: the job and the stream tag it watches.
 *
 * @param jobFullName the job's full name, e.g. {@code folder/app-build}
 * @param stream the stream name
 * @param tag the tag name
 */
public record SubscriptionKey(String jobFullName, String stream, String tag) {
    /** Validates the record. */
    public SubscriptionKey {
        Objects.requireNonNull(jobFullName, "jobFullName");
        if (jobFullName.isBlank()) {
            throw new IllegalArgumentException("jobFullName must not be blank");
        }
        Names.requireStreamName("stream", stream);
        Names.requireTagName("tag", tag);
    }
}
