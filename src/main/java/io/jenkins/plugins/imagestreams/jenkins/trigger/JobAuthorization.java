package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccess;
import io.jenkins.plugins.imagestreams.jenkins.security.StreamAccessCheck;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.core.Authentication;

/**
 * Decides whether an ImageStream tag may start builds of a job, checked as the identity the job's builds run as
 * (core's {@code ReverseBuildTrigger} idiom: the downstream job's authentication must see the upstream). That
 * identity is what a {@code QueueItemAuthenticator} gives for the job, else SYSTEM; it must
 *
 * <ol>
 *   <li>see the job: Item/Read on it and on every folder above it;
 *   <li>build it: Item/Build;
 *   <li>view the stream: ImageStream/View and the stream's own viewers list.
 * </ol>
 *
 * With no {@code QueueItemAuthenticator} configured every job runs as SYSTEM and passes, as with core triggers.
 */
public class JobAuthorization {
    private final TriggerJobsFacade jobs;
    private final Function<String, StreamAccess> streamAccess;
    private final StreamAccessCheck streamCheck;

    /** Creates the check over Jenkins and the global configuration. */
    public JobAuthorization() {
        this(
                new TriggerJobsFacade(),
                stream -> ImageStreamsConfiguration.get().accessOf(stream),
                new StreamAccessCheck(new JenkinsFacade()));
    }

    JobAuthorization(
            final TriggerJobsFacade jobs,
            final Function<String, StreamAccess> streamAccess,
            final StreamAccessCheck streamCheck) {
        this.jobs = jobs;
        this.streamAccess = streamAccess;
        this.streamCheck = streamCheck;
    }

    /**
     * Tells why a job may not be started at all by a trigger of this plugin.
     *
     * @param job the job
     * @return the reason, naming the identity; empty when its identity may see and build it
     */
    public Optional<String> refusal(final Job<?, ?> job) {
        if (!(job instanceof Queue.Task task)) {
            return Optional.of(notATask(job));
        }
        return jobRefusal(job, jobs.authenticationOf(task));
    }

    /**
     * Tells why a job may not be started by a tag of a stream.
     *
     * @param job the job
     * @param stream the stream name
     * @return the reason, naming the identity; empty when its identity may see and build the job and view the
     *     stream
     */
    public Optional<String> refusal(final Job<?, ?> job, final String stream) {
        if (!(job instanceof Queue.Task task)) {
            return Optional.of(notATask(job));
        }
        Authentication who = jobs.authenticationOf(task);
        Optional<String> refused = jobRefusal(job, who);
        if (refused.isPresent()) {
            return refused;
        }
        try (ACLContext ignored = ACL.as2(who)) {
            if (!streamCheck.allows(streamAccess.apply(stream), StreamAccess.StreamAction.VIEW)) {
                return Optional.of(runsAs(job, who) + ", who may not view ImageStream " + stream);
            }
        }
        return Optional.empty();
    }

    private Optional<String> jobRefusal(final Job<?, ?> job, final Authentication who) {
        if (!jobs.canSee(who, job)) {
            return Optional.of(runsAs(job, who) + ", who cannot see it");
        }
        if (!job.hasPermission2(who, Item.BUILD)) {
            return Optional.of(runsAs(job, who) + ", who may not build it");
        }
        return Optional.empty();
    }

    private static String notATask(final Job<?, ?> job) {
        return job.getFullName() + " cannot be started by a trigger";
    }

    private static String runsAs(final Job<?, ?> job, final Authentication who) {
        return "builds of " + job.getFullName() + " run as " + who.getName();
    }
}
