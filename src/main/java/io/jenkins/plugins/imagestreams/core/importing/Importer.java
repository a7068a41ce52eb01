package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.ImageStreamSpecs;
import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.TagResult;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImageStreamStatus;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs import cycles. One cycle:
 *
 * <ol>
 *   <li>reconciles every stream with its spec through {@link ImageStreams#reconcile}: copies and pins are set
 *       with no registry request, and aliases need none at all;
 *   <li>asks the {@link ImportScheduler} which registry tags are due;
 *   <li>resolves the due tags, import requests first and then the most overdue, on the caller's executor, each
 *       within the per-registry caps (requests in flight, requests per second) and the global cap (resolves
 *       per sliding minute); a tag the global cap has no room for is {@link TagImport.Kind#DEFERRED} and served
 *       first in a later cycle. An unchanged tag costs exactly one resolve, with {@code knownDigest} set;
 *   <li>applies each result through {@link ImageStreams#applyImport}: a new digest is recorded, a failure sets
 *       the condition (with the registry's {@code Retry-After}) and keeps the last good digest current.
 * </ol>
 *
 * <p>Safe to call from one thread at a time; the executor's threads run the resolves.
 */
public final class Importer {
    private final ImageStreams service;
    private final ImageStreamSpecs specs;
    private final ImportScheduler scheduler;
    private final ImportLedger ledger = new ImportLedger();
    private final SlidingWindowLimiter globalCap;
    private final TagImporter tagImporter;
    private final Clock clock;

    /**
     * Creates an importer.
     *
     * @param service the service that applies results
     * @param specs the stream specs
     * @param registry the registry port
     * @param credentials resolves the credentials IDs of import policies
     * @param settings caps, policy, deadline and insecure allowlist
     * @param clock the time source
     * @param sleeper how to wait for the per-second caps
     */
    public Importer(
            final ImageStreams service,
            final ImageStreamSpecs specs,
            final RegistryClient registry,
            final CredentialsResolver credentials,
            final ImportSettings settings,
            final Clock clock,
            final Sleeper sleeper) {
        this.service = Objects.requireNonNull(service, "service");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = new ImportScheduler(settings.policy());
        ImportCaps caps = settings.caps();
        this.globalCap = new SlidingWindowLimiter(caps.importsPerMinute(), Duration.ofMinutes(1));
        RegistryLimiter limiter =
                new RegistryLimiter(caps.registryDefaults(), caps.registryOverrides(), clock, sleeper);
        this.tagImporter =
                new TagImporter(service, registry, credentials, scheduler, ledger, limiter, globalCap, settings, clock);
    }

    /**
     * Runs one cycle and waits for it to finish.
     *
     * @param executor runs the resolves; its size bounds the concurrency of the cycle
     * @return what the cycle did
     * @throws InterruptedException if interrupted while waiting for the resolves
     * @throws ImportCycleException if applying a result failed (e.g. the status store could not write); the
     *     other tags of the cycle were still processed
     */
    public CycleReport runCycle(final ExecutorService executor) throws InterruptedException {
        Instant started = clock.instant();
        int requestsBefore = tagImporter.requests();
        List<TagImport> results = new ArrayList<>();
        List<DueTag> due = new ArrayList<>();
        Duration nextDelay = ImageStream.MAX_INTERVAL;
        int notDue = 0;
        for (ImageStream stream : specs.all()) {
            reconcile(stream, results);
            ImageStreamStatus status = service.status(stream.name());
            for (TagReference tag : stream.tags()) {
                if (!tag.from().needsRegistry()) {
                    continue;
                }
                Optional<TagHistory> history = status.tag(tag.name());
                ImportRecord last = ledger.get(stream.name(), tag.name(), history);
                ImportDecision decision = scheduler.decide(stream, tag, history, last, started);
                if (decision.due()) {
                    due.add(new DueTag(stream, tag, history, decision));
                } else {
                    notDue++;
                    nextDelay = decision.nextDelay().compareTo(nextDelay) < 0 ? decision.nextDelay() : nextDelay;
                }
            }
        }
        due.sort(DueTag.SERVICE_ORDER);
        results.addAll(resolveAll(due, executor));
        return new CycleReport(started, results, notDue, tagImporter.requests() - requestsBefore, nextDelay);
    }

    private void reconcile(final ImageStream stream, final List<TagImport> results) {
        for (TagResult result : service.reconcile(stream.name())) {
            if (result.changed()) {
                results.add(new TagImport(
                        result.stream(),
                        result.tag(),
                        TagImport.Kind.RECONCILED,
                        ImportReason.NOT_SCHEDULED,
                        result.previousDigest(),
                        result.digest(),
                        !result.digest().equals(result.previousDigest()),
                        Optional.empty()));
            }
        }
    }

    private List<TagImport> resolveAll(final List<DueTag> due, final ExecutorService executor)
            throws InterruptedException {
        int room = globalCap.available(clock.instant());
        List<TagImport> results = new ArrayList<>(due.size());
        List<Future<TagImport>> running = new ArrayList<>(Math.min(room, due.size()));
        for (int i = 0; i < due.size(); i++) {
            DueTag tag = due.get(i);
            if (i < room) {
                running.add(executor.submit(() -> tagImporter.run(tag)));
            } else {
                results.add(tag.deferred());
            }
        }
        ImportCycleException failure = null;
        for (Future<TagImport> future : running) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                failure = failure == null ? new ImportCycleException(e.getCause()) : failure;
                failure.addSuppressed(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /**
     * Returns what the importer remembers of a tag's attempts.
     *
     * @param stream the stream name
     * @param tag the tag name
     * @return the record; rebuilt from the persisted condition when nothing is in memory
     */
    public ImportRecord record(final String stream, final String tag) {
        return ledger.get(stream, tag, service.status(stream).tag(tag));
    }

    /**
     * Returns the scheduler the importer decides with.
     *
     * @return the scheduler
     */
    public ImportScheduler scheduler() {
        return scheduler;
    }
}
