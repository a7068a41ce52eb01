package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.importing.CycleReport;
import io.jenkins.plugins.imagestreams.core.importing.ImportCycleException;
import io.jenkins.plugins.imagestreams.core.importing.ImportSettings;
import io.jenkins.plugins.imagestreams.core.importing.Importer;
import io.jenkins.plugins.imagestreams.core.importing.Sleeper;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import io.jenkins.plugins.imagestreams.core.store.FileStatusStore;
import io.jenkins.plugins.imagestreams.core.store.StoreProblems;
import io.jenkins.plugins.imagestreams.core.triggering.FileSubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.core.triggering.Triggerer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The plugin's main loop on a state directory: the core {@link Importer} (scheduler, caps, history and condition
 * rules) over a {@link FileStatusStore} in {@code <state>/status}, then the core {@link Triggerer} over a
 * {@link FileSubscriptionStore} in {@code <state>/subscriptions}, with the downstream jobs of the file's tags as
 * subscriptions. After each import cycle every tag's digest and condition are compared with what the
 * {@link EventJournal} last reported, and each difference is reported once. One watcher per directory: a lock file
 * keeps a second one out.
 */
final class Watcher implements AutoCloseable {
    /** The longest wait between two cycles, so that a new "import now" or a cool-down is not waited on for long. */
    static final Duration MAX_TICK = Duration.ofSeconds(60);

    private static final Duration MIN_TICK = Duration.ofSeconds(1);

    private final StreamsSpec spec;
    private final ImageStreams service;
    private final Importer importer;
    private final Triggerer triggerer;
    private final EventJournal journal;
    private final StateLock lock;
    private final Resolvers resolvers = new Resolvers();
    private final Consumer<String> warnings;
    private final Clock clock;

    /**
     * Where a watcher keeps its state and how it decides.
     *
     * @param directory the state directory; created by the caller
     * @param deadline the most one resolve may take
     * @param policy the trigger decisions' first-run policy, cool-down, quiet period and throttle
     */
    record Settings(Path directory, Duration deadline, TriggerPolicy policy) {}

    /**
     * Opens a state directory.
     *
     * @param subscriptionStore wraps the subscription store (tests make it crash at chosen points)
     * @throws CliFailure (usage) when the directory cannot be locked or another watch holds it
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    Watcher(
            final StreamsSpec spec,
            final Settings settings,
            final RegistryClient registry,
            final CredentialsResolver credentials,
            final Clock clock,
            final Consumer<String> events,
            final Consumer<String> warnings,
            final UnaryOperator<SubscriptionStore> subscriptionStore) {
        this.spec = spec;
        this.clock = clock;
        this.warnings = warnings;
        Path directory = settings.directory();
        lock = StateLock.acquire(directory);
        StoreProblems problems = (name, keptAs, reason) ->
                warnings.accept("unreadable state of " + name + " kept aside as " + keptAs + ": " + reason);
        service = new ImageStreams(
                spec::streams,
                new FileStatusStore(directory.resolve("status"), clock, problems),
                clock,
                ImageStreams.ProtectedDigests.NONE);
        ImportSettings imports = new ImportSettings(
                ImportSettings.DEFAULT.caps(), ImportSettings.DEFAULT.policy(), settings.deadline(), spec::allowlist);
        importer = new Importer(service, spec::streams, registry, credentials, imports, clock, Sleeper.THREAD);
        journal = EventJournal.open(directory, events, warnings);
        triggerer = new Triggerer(
                service,
                spec::streams,
                spec::subscriptions,
                subscriptionStore.apply(new FileSubscriptionStore(directory.resolve("subscriptions"), clock, problems)),
                new JournalScheduler(journal, clock),
                settings.policy(),
                clock);
    }

    /** Asks for an import of every registry tag of every stream that is not paused ("import now"). */
    void requestImports() {
        for (ImageStream stream : spec.streams()) {
            for (TagReference tag : stream.tags()) {
                if (tag.from().needsRegistry() && !stream.paused()) {
                    service.requestImport(stream.name(), tag.name());
                }
            }
        }
    }

    /**
     * Runs one cycle: imports what is due, reports status changes, evaluates the subscriptions.
     *
     * @return how long to wait before the next cycle, between 1 second and {@link #MAX_TICK}
     * @throws InterruptedException if interrupted while resolving
     */
    Duration cycle() throws InterruptedException {
        Duration next = MAX_TICK;
        try {
            CycleReport imports = importer.runCycle(resolvers.executor());
            next = min(next, imports.nextDelay());
            CopyPinning.settle(service, spec.streams());
        } catch (ImportCycleException e) {
            warnings.accept("the import cycle could not store every result: " + e.getMessage());
        }
        reportStatus();
        TriggerReport triggers = triggerer.evaluate();
        triggers.failures().forEach(f -> warnings.accept("trigger evaluation: " + f));
        next = min(next, triggers.nextDelay().orElse(MAX_TICK));
        return next.compareTo(MIN_TICK) < 0 ? MIN_TICK : next;
    }

    /**
     * Tells whether every registry tag's last import succeeded.
     *
     * @return false when a registry tag has a failed condition
     */
    boolean allImported() {
        return spec.streams().stream()
                .allMatch(s -> s.tags().stream()
                        .filter(t -> t.from().needsRegistry())
                        .allMatch(t -> service.tagStatus(s.name(), t.name())
                                .flatMap(TagHistory::condition)
                                .map(TagCondition::status)
                                .orElse(false)));
    }

    private void reportStatus() {
        Instant now = clock.instant();
        for (ImageStream stream : spec.streams()) {
            for (TagReference tag : stream.tags()) {
                Optional<TagEvent> current = service.current(stream.name(), tag.name());
                Optional<String> reported = journal.reportedDigest(stream.name(), tag.name());
                if (current.isPresent()
                        && !reported.equals(Optional.of(current.get().digest().toString()))) {
                    journal.append(WatchEvents.tagMoved(now, stream.name(), tag.name(), reported, current.get()));
                }
                Optional<TagCondition> condition =
                        service.tagStatus(stream.name(), tag.name()).flatMap(TagHistory::condition);
                if (condition.isPresent()
                        && changed(journal.reportedCondition(stream.name(), tag.name()), condition.get())) {
                    journal.append(WatchEvents.conditionChanged(
                            now, stream.name(), tag.name(), condition.get(), current.map(TagEvent::digest)));
                }
            }
        }
    }

    private static boolean changed(final EventJournal.Reported reported, final TagCondition condition) {
        return reported.status() != condition.status()
                || !reported.reason().equals(condition.reason().map(Enum::name));
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        resolvers.close();
        try (StateLock held = lock) {
            journal.close();
        } catch (IOException e) {
            warnings.accept("the state directory did not close cleanly: " + e.getMessage());
        }
    }
}
