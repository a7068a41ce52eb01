package io.jenkins.plugins.imagestreams.jenkins.polling;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.imagestreams.core.ImageStreamSpecs;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.importing.CycleReport;
import io.jenkins.plugins.imagestreams.core.importing.ImportSettings;
import io.jenkins.plugins.imagestreams.core.importing.Importer;
import io.jenkins.plugins.imagestreams.core.importing.Sleeper;
import io.jenkins.plugins.imagestreams.core.triggering.FileSubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionSource;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerRequest;
import io.jenkins.plugins.imagestreams.core.triggering.Triggerer;
import io.jenkins.plugins.imagestreams.jenkins.JenkinsFacade;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.credentials.RegistryCredentialsFacade;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import io.jenkins.plugins.imagestreams.jenkins.trigger.JenkinsBuildScheduler;
import io.jenkins.plugins.imagestreams.jenkins.trigger.TriggerSubscriptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.SystemProperties;

/**
 * The periodic tick: one import cycle (the core scheduler decides which tags are due and keeps the caps), then one
 * trigger evaluation. The period is {@code -Dio.jenkins.plugins.imagestreams.jenkins.polling.ImageStreamsPoller
 * .periodSeconds} (default 60); the triggers' quiet period is {@code ...ImageStreamsPoller.quietPeriodSeconds}
 * (default 10); the first tick comes {@code ...ImageStreamsPoller.initialDelaySeconds} after startup (default 15). Subscription states live in {@code $JENKINS_HOME/imagestreams-subscriptions}.
 */
@Extension
public class ImageStreamsPoller extends AsyncPeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(ImageStreamsPoller.class.getName());
    /** The directory under {@code $JENKINS_HOME} that holds the subscription states. */
    public static final String SUBSCRIPTIONS_DIRECTORY = "imagestreams-subscriptions";

    private static final int RESOLVE_THREADS = 4;

    private final JenkinsFacade jenkins = new JenkinsFacade();
    private final Object lock = new Object();
    private Importer importer;
    private SubscriptionStore subscriptionStore;
    private Triggerer triggerer;
    private ExecutorService executor;

    /** Creates the poller. */
    public ImageStreamsPoller() {
        super("ImageStreams poller");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.SECONDS.toMillis(
                Math.max(1, SystemProperties.getLong(ImageStreamsPoller.class.getName() + ".periodSeconds", 60L)));
    }

    /**
     * The first tick comes soon after startup ({@code ...ImageStreamsPoller.initialDelaySeconds}, default 15), so that
     * changes made while Jenkins was down are imported and triggered without waiting for a full period.
     *
     * @return the delay in milliseconds
     */
    @Override
    public long getInitialDelay() {
        return TimeUnit.SECONDS.toMillis(Math.max(
                0, SystemProperties.getLong(ImageStreamsPoller.class.getName() + ".initialDelaySeconds", 15L)));
    }

    @Override
    protected void execute(final TaskListener listener) throws InterruptedException {
        runOnce(listener);
    }

    /**
     * Runs one import cycle and one trigger evaluation, logging a summary to a throw-away listener. For tests.
     *
     * @throws InterruptedException if interrupted
     */
    void runOnce() throws InterruptedException {
        runOnce(TaskListener.NULL);
    }

    synchronized void runOnce(final TaskListener listener) throws InterruptedException {
        PrintStream log = listener.getLogger();
        try {
            CycleReport cycle = importer().runCycle(executor());
            log.printf(
                    "ImageStreams: import cycle resolved %d tag(s) with %d request(s), %d not due%n",
                    cycle.tags().size(), cycle.requests(), cycle.notDue());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ImageStreams: the import cycle failed", e);
            log.println("ImageStreams: the import cycle failed: " + e.getClass().getSimpleName());
        }
        TriggerReport report = triggerer().evaluate();
        for (TriggerRequest request : report.scheduled()) {
            log.printf(
                    "ImageStreams: scheduled %s for %d changed tag(s)%n",
                    request.jobFullName(), request.causes().size());
        }
        for (String failure : report.failures()) {
            log.println("ImageStreams: " + failure);
            LOGGER.log(Level.WARNING, "ImageStreams: {0}", failure);
        }
    }

    /**
     * Returns the importer the poller runs, creating it on first use: the management page asks it when each tag is
     * due next. The allowlist is read from the configuration before every import, so a change takes effect
     * without a new importer (and without losing the importer's memory of attempts and backoff).
     *
     * @return the importer
     */
    public Importer importer() {
        synchronized (lock) {
            if (importer == null) {
                RegistryCredentialsFacade credentials = new RegistryCredentialsFacade();
                CredentialsResolver resolver = credentials::forImage;
                importer = new Importer(
                        ImageStreamsService.get().streams(),
                        specs(),
                        ImageStreamsService.get().registry(),
                        resolver,
                        ImportSettings.DEFAULT.withAllowlist(
                                () -> ImageStreamsConfiguration.get().toAllowlist()),
                        Clock.systemUTC(),
                        Sleeper.THREAD);
            }
            return importer;
        }
    }

    /**
     * Returns the subscriptions the triggers evaluate, for the management page.
     *
     * @return the source of every subscription
     */
    public SubscriptionSource subscriptions() {
        return new TriggerSubscriptions();
    }

    /**
     * Returns the store of the subscriptions' states (last triggered digests), for the management page.
     *
     * @return the store the triggers write
     */
    public SubscriptionStore subscriptionStore() {
        synchronized (lock) {
            if (subscriptionStore == null) {
                Path directory = jenkins.getRootDir().toPath().resolve(SUBSCRIPTIONS_DIRECTORY);
                subscriptionStore = new FileSubscriptionStore(
                        directory,
                        Clock.systemUTC(),
                        (job, keptAs, reason) -> LOGGER.log(
                                Level.WARNING,
                                "ImageStreams: unreadable subscription file of {0} kept aside as {1}: {2}",
                                new Object[] {job, keptAs, reason}));
            }
            return subscriptionStore;
        }
    }

    private Triggerer triggerer() {
        if (triggerer == null) {
            triggerer = new Triggerer(
                    ImageStreamsService.get().streams(),
                    specs(),
                    subscriptions(),
                    subscriptionStore(),
                    new JenkinsBuildScheduler(),
                    policy(),
                    Clock.systemUTC());
        }
        return triggerer;
    }

    static TriggerPolicy policy() {
        long quiet =
                Math.max(0, SystemProperties.getLong(ImageStreamsPoller.class.getName() + ".quietPeriodSeconds", 10L));
        TriggerPolicy defaults = TriggerPolicy.DEFAULT;
        return new TriggerPolicy(
                defaults.firstRun(),
                defaults.cooldown(),
                Duration.ofSeconds(quiet),
                defaults.maxQuietWait().compareTo(Duration.ofSeconds(quiet)) < 0
                        ? Duration.ofSeconds(quiet)
                        : defaults.maxQuietWait(),
                defaults.runsPerStreamPerMinute());
    }

    private static ImageStreamSpecs specs() {
        return () -> ImageStreamsConfiguration.get().toModel();
    }

    private ExecutorService executor() {
        if (executor == null) {
            AtomicInteger count = new AtomicInteger();
            executor = Executors.newFixedThreadPool(RESOLVE_THREADS, r -> {
                Thread thread = new Thread(r, "ImageStreams resolve " + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }
}
