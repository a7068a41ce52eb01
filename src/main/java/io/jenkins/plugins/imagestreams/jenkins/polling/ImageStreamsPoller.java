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
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerRequest;
import io.jenkins.plugins.imagestreams.jenkins.config.ImageStreamsConfiguration;
import io.jenkins.plugins.imagestreams.jenkins.credentials.RegistryCredentialsFacade;
import io.jenkins.plugins.imagestreams.jenkins.service.ImageStreamsService;
import io.jenkins.plugins.imagestreams.jenkins.trigger.TriggerService;
import java.io.PrintStream;
import java.time.Clock;
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
 * (default 10); the first tick comes {@code ...ImageStreamsPoller.initialDelaySeconds} after startup (default 15),
 * after the startup evaluation of {@code ImageStreamItemListener}. The trigger evaluation goes through
 * {@link TriggerService}.
 */
@Extension
public class ImageStreamsPoller extends AsyncPeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(ImageStreamsPoller.class.getName());
    private static final int RESOLVE_THREADS = 4;

    private final Object lock = new Object();
    private Importer importer;
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
     * Runs one tick now, outside the schedule: one import cycle and one trigger evaluation, with the summary
     * discarded. Tests run the poller this way.
     *
     * @throws InterruptedException if interrupted
     */
    public void runOnce() throws InterruptedException {
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
        TriggerReport report = TriggerService.get().evaluate();
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
