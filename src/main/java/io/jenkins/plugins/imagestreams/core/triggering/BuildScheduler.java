package io.jenkins.plugins.imagestreams.core.triggering;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import java.util.List;

/**
 * The port through which the triggerer starts downstream builds. The plugin implements it over the Jenkins
 * queue ({@code ParameterizedJobMixIn.scheduleBuild2} with a {@code CauseAction}); tests record the calls.
 */
public interface BuildScheduler {
    /**
     * Schedules one build of a job with the given causes.
     *
     * @param jobFullName the job's full name
     * @param causes one cause per changed tag, at least one
     * @return true when a queue item exists for the build; false when the job refused (missing, disabled, not
     *     buildable, or not visible to the configured user), which the triggerer retries at its next evaluation
     * @throws RuntimeException on an unexpected failure; the triggerer then repairs at its next evaluation
     */
    boolean schedule(String jobFullName, List<TriggerCause> causes);

    /**
     * Answers from the job's own record whether a build for a digest is already queued or was built: a queue item
     * of the job, or the latest build of the job that carries a cause for the stream tag, carries this digest.
     * A manual build that recorded the digest it used counts too. This makes scheduling idempotent, and lets
     * the triggerer repair a crash between persisting its state and scheduling.
     *
     * @param jobFullName the job's full name
     * @param stream the stream name
     * @param tag the tag name
     * @param digest the digest
     * @return true if the job already has it
     */
    boolean alreadyScheduledOrBuilt(String jobFullName, String stream, String tag, Digest digest);
}
