package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.triggering.BuildScheduler;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerCause;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Starts builds through {@link ParameterizedJobMixIn#scheduleBuild2} with one {@link ImageStreamCause} per tag,
 * once {@link JobAuthorization} agrees, and answers from the queue and the latest builds whether a job already has
 * a digest: from their {@link ImageStreamCause}s, or from the {@link ImageStreamDigestsAction} of a build that no
 * tag started.
 */
public class JenkinsBuildScheduler implements BuildScheduler {
    private static final Logger LOGGER = Logger.getLogger(JenkinsBuildScheduler.class.getName());
    /** How many of a job's latest builds are searched for a cause of the stream tag. */
    static final int BUILDS_SEARCHED = 50;

    private final TriggerJobsFacade jobs;
    private final JobAuthorization authorization;

    /** Creates the scheduler over Jenkins. */
    public JenkinsBuildScheduler() {
        this(new TriggerJobsFacade(), new JobAuthorization());
    }

    JenkinsBuildScheduler(final TriggerJobsFacade jobs, final JobAuthorization authorization) {
        this.jobs = jobs;
        this.authorization = authorization;
    }

    @Override
    public boolean schedule(final String jobFullName, final List<TriggerCause> causes) {
        Optional<Job<?, ?>> found = jobs.job(jobFullName);
        if (found.isEmpty() || !(found.get() instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> job)) {
            LOGGER.log(Level.FINE, "ImageStreams: job {0} not found or not buildable by a trigger", jobFullName);
            return false;
        }
        if (!job.isBuildable()) {
            LOGGER.log(Level.FINE, "ImageStreams: job {0} is disabled", jobFullName);
            return false;
        }
        for (String stream :
                causes.stream().map(TriggerCause::stream).distinct().toList()) {
            Optional<String> refusal = authorization.refusal(found.get(), stream);
            if (refusal.isPresent()) {
                LOGGER.log(
                        Level.FINE, "ImageStreams: not scheduling {0}: {1}", new Object[] {jobFullName, refusal.get()});
                return false;
            }
        }
        Cause[] jenkinsCauses = causes.stream().map(ImageStreamCause::of).toArray(Cause[]::new);
        return ParameterizedJobMixIn.scheduleBuild2(found.get(), -1, new CauseAction(jenkinsCauses)) != null;
    }

    @Override
    public boolean alreadyScheduledOrBuilt(
            final String jobFullName, final String stream, final String tag, final Digest digest) {
        Optional<Job<?, ?>> found = jobs.job(jobFullName);
        if (found.isEmpty()) {
            return false;
        }
        Job<?, ?> job = found.get();
        String wanted = digest.toString();
        if (job instanceof Queue.Task task) {
            for (Queue.Item item : jobs.queued(task)) {
                if (item.getCauses().stream()
                        .anyMatch(c -> c instanceof ImageStreamCause isc && isc.isFor(stream, tag, wanted))) {
                    return true;
                }
            }
        }
        int searched = 0;
        for (Run<?, ?> run : job.getBuilds()) {
            if (searched++ >= BUILDS_SEARCHED) {
                break;
            }
            Optional<ImageStreamCause> latest = usedBy(run, stream, tag);
            if (latest.isPresent()) {
                return latest.get().getDigest().equals(wanted);
            }
        }
        return false;
    }

    /** The digest of the stream tag that a build was started for, or recorded as used when no tag started it. */
    private static Optional<ImageStreamCause> usedBy(final Run<?, ?> run, final String stream, final String tag) {
        Optional<ImageStreamCause> cause = run.getCauses().stream()
                .filter(c -> c instanceof ImageStreamCause isc && isc.isFor(stream, tag))
                .map(ImageStreamCause.class::cast)
                .findFirst();
        if (cause.isPresent()) {
            return cause;
        }
        ImageStreamDigestsAction recorded = run.getAction(ImageStreamDigestsAction.class);
        return recorded == null ? Optional.empty() : recorded.digestFor(stream, tag);
    }
}
