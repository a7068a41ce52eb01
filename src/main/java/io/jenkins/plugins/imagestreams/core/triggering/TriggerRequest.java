package io.jenkins.plugins.imagestreams.core.triggering;

import java.util.List;
import java.util.Objects;

/**
 * One build to schedule: one queue item for a job, carrying one cause per changed tag.
 *
 * @param jobFullName the job's full name
 * @param causes at least one cause, one per tag, ordered by stream and tag
 */
public record TriggerRequest(String jobFullName, List<TriggerCause> causes) {
    /** Validates and copies the record. */
    public TriggerRequest {
        Objects.requireNonNull(jobFullName, "jobFullName");
        causes = List.copyOf(causes);
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("a request carries at least one cause");
        }
    }
}
