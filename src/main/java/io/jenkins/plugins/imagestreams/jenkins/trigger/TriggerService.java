package io.jenkins.plugins.imagestreams.jenkins.trigger;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Run;
import io.jenkins.plugins.imagestreams.core.triggering.FileSubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionSource;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerCause;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.core.triggering.Triggerer;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.SystemProperties;

/**
 * Wires the core {@link Triggerer} into Jenkins, once: the subscriptions come from {@link TriggerSubscriptions},
 * their states live in {@code $JENKINS_HOME/imagestreams-subscriptions} (one file per job), builds go through
 * {@link JenkinsBuildScheduler}. The poller, the startup evaluation and the job and run listeners all go through
 * it, so evaluations, renames, deletions and recorded builds are serialised by the triggerer.
 */
@Extension
public class TriggerService {
    private static final Logger LOGGER = Logger.getLogger(TriggerService.class.getName());
    /** The directory under {@code $JENKINS_HOME} that holds the subscription states. */
    public static final String SUBSCRIPTIONS_DIRECTORY = "imagestreams-subscriptions";
    /** The quiet period in seconds (default 10); named after the poller, whose tuning it belongs to. */
    static final String QUIET_PERIOD_PROPERTY =
            "io.jenkins.plugins.imagestreams.jenkins.polling.ImageStreamsPoller.quietPeriodSeconds";

    private final JenkinsFacade jenkins = new JenkinsFacade();
    private final TriggerSubscriptions subscriptions = new TriggerSubscriptions();
    private FileSubscriptionStore store;
    private Triggerer triggerer;

    /**
     * Returns the singleton.
     *
     * @return the service
     */
    public static TriggerService get() {
        return ExtensionList.lookupSingleton(TriggerService.class);
    }

    /**
     * Evaluates every subscription once (see {@link Triggerer#evaluate()}).
     *
     * @return what was decided and scheduled
     */
    public TriggerReport evaluate() {
        return triggerer().evaluate();
    }

    /**
     * Moves a renamed job's states to its new name.
     *
     * @param oldFullName the full name before
     * @param newFullName the full name after
     */
    public void jobRenamed(final String oldFullName, final String newFullName) {
        triggerer().jobRenamed(oldFullName, newFullName);
    }

    /**
     * Forgets a deleted job's states.
     *
     * @param fullName the job's full name
     */
    public void jobDeleted(final String fullName) {
        triggerer().jobDeleted(fullName);
    }

    /**
     * Records the digests a build uses that no tag started: an {@link ImageStreamDigestsAction} is added to the
     * build and saved, then the subscription states are written (see {@link Triggerer#recordBuild}).
     *
     * @param run the build, just started
     * @return the recorded digests; empty when the job subscribes to no tag with a digest
     * @throws UncheckedIOException if the build record cannot be saved; the states are then left as they were
     */
    public List<TriggerCause> recordBuild(final Run<?, ?> run) {
        return triggerer().recordBuild(run.getParent().getFullName(), used -> {
            run.addAction(new ImageStreamDigestsAction(
                    used.stream().map(ImageStreamCause::of).toList()));
            try {
                run.save();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Returns every subscription the triggers evaluate: the jobs' {@code imageStream} triggers and the tags'
     * {@code downstreamJobs}. For the management page.
     *
     * @return the source of every subscription
     */
    public SubscriptionSource subscriptions() {
        return subscriptions;
    }

    /**
     * Returns the store of the subscriptions' states (last triggered digests), the one the triggerer writes. For
     * the management page.
     *
     * @return the store
     */
    public synchronized SubscriptionStore subscriptionStore() {
        if (store == null) {
            Path directory = jenkins.getRootDir().toPath().resolve(SUBSCRIPTIONS_DIRECTORY);
            store = new FileSubscriptionStore(
                    directory,
                    Clock.systemUTC(),
                    (job, keptAs, reason) -> LOGGER.log(
                            Level.WARNING,
                            "ImageStreams: unreadable subscription file of {0} kept aside as {1}: {2}",
                            new Object[] {job, keptAs, reason}));
        }
        return store;
    }

    private synchronized Triggerer triggerer() {
        if (triggerer == null) {
            triggerer = new Triggerer(
                    ImageStreamsService.get().streams(),
                    () -> ImageStreamsConfiguration.get().toModel(),
                    subscriptions,
                    subscriptionStore(),
                    new JenkinsBuildScheduler(),
                    policy(),
                    Clock.systemUTC());
        }
        return triggerer;
    }

    /**
     * The trigger policy: the core defaults, with the quiet period from {@value #QUIET_PERIOD_PROPERTY}.
     *
     * @return the policy
     */
    static TriggerPolicy policy() {
        Duration quiet = Duration.ofSeconds(Math.max(0, SystemProperties.getLong(QUIET_PERIOD_PROPERTY, 10L)));
        TriggerPolicy defaults = TriggerPolicy.DEFAULT;
        return new TriggerPolicy(
                defaults.firstRun(),
                defaults.cooldown(),
                quiet,
                defaults.maxQuietWait().compareTo(quiet) < 0 ? quiet : defaults.maxQuietWait(),
                defaults.runsPerStreamPerMinute());
    }
}
