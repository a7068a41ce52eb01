package io.jenkins.plugins.imagestreams.bench;

import io.jenkins.plugins.imagestreams.core.MutableClock;
import io.jenkins.plugins.imagestreams.core.StreamFixture;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.importing.CycleReport;
import io.jenkins.plugins.imagestreams.core.importing.ImportSettings;
import io.jenkins.plugins.imagestreams.core.importing.Importer;
import io.jenkins.plugins.imagestreams.core.importing.ImporterFixture;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.store.FileStatusStore;
import io.jenkins.plugins.imagestreams.core.triggering.FirstRunPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.InMemorySubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.RecordingBuildScheduler;
import io.jenkins.plugins.imagestreams.core.triggering.Subscription;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.core.triggering.Triggerer;
import io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Benchmark 1 of issue 8, end to end: the tick the poller runs (one import cycle through the real registry
 * adapter, then one trigger evaluation) over many tags of the local registry, caps lifted, beside the {@code wrk}
 * ceiling measured on the same registry in the same run. Streams of equal size, one repository each; one job per
 * stream subscribes to all its tags; status in a {@link FileStatusStore} in a temporary directory, as in Jenkins.
 *
 * <p>It measures, in order: a first cycle (every tag imported once), a cycle with nothing changed, {@code wrk} over the
 * same manifest paths at the same concurrency, and a cycle after 10 % of the tags moved in the registry. Not a test:
 * run it as docs/benchmarks.md says. Arguments: {@code [tags=10000] [streams=1000] [threads=8] [wrkSeconds=10]}.
 */
public final class EndToEndBenchmark {
    private static final int PUSH_THREADS = 8;

    private final LocalRegistry registry;
    private final int streams;
    private final int tagsPerStream;
    private final int threads;
    private final StreamFixture fixture;
    private final Importer importer;
    private final Triggerer triggerer;
    private final RecordingBuildScheduler scheduler = new RecordingBuildScheduler();

    private EndToEndBenchmark(
            final LocalRegistry registry, final int tags, final int streams, final int threads, final Path status) {
        this.registry = registry;
        this.streams = streams;
        this.tagsPerStream = Math.max(1, tags / streams);
        this.threads = threads;
        this.fixture = new StreamFixture(new FileStatusStore(status, Clock.systemUTC(), (s, keptAs, reason) -> {}));
        MutableClock clock = fixture.clock;
        List<Subscription> subscriptions = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            List<TagReference> tagList = new ArrayList<>();
            for (int t = 0; t < tagsPerStream; t++) {
                tagList.add(new TagReference(
                        "t" + t,
                        TagSource.RegistryImage.parse(registry.imageReference(repository(s), "t" + t)),
                        new ImportPolicy(true, true, ImportMode.PRESERVE_ORIGINAL, List.of(), Optional.empty())));
                subscriptions.add(Subscription.of("job-" + s, "s" + s, "t" + t));
            }
            fixture.define(ImageStream.of("s" + s, tagList));
        }
        this.importer = new Importer(
                fixture.service,
                () -> List.copyOf(fixture.specs),
                new JibRegistryClient(host -> RegistryTransport.DEFAULT.withInsecure(true), clock),
                CredentialsResolver.NONE,
                new ImportSettings(
                        ImporterFixture.LIFTED,
                        ImportSettings.DEFAULT.policy(),
                        ImportSettings.DEFAULT.deadline(),
                        () -> RegistryAllowlist.of(List.of(registry.hostAndPort()))),
                clock,
                clock::advance);
        this.triggerer = new Triggerer(
                fixture.service,
                () -> List.copyOf(fixture.specs),
                () -> subscriptions,
                new InMemorySubscriptionStore(),
                scheduler,
                new TriggerPolicy(
                        FirstRunPolicy.WAIT_FOR_CHANGE, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1_000_000),
                clock);
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code [tags=10000] [streams=1000] [threads=8] [wrkSeconds=10]}
     * @throws Throwable if the registry or a cycle fails
     */
    public static void main(final String[] args) throws Throwable {
        int tags = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int wrkSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        LocalRegistry registry = LocalRegistry.plain();
        Path status = Files.createTempDirectory("e2e-status");
        registry.apply(
                        new Statement() {
                            @Override
                            public void evaluate() throws Throwable {
                                new EndToEndBenchmark(registry, tags, streams, threads, status).run(wrkSeconds);
                            }
                        },
                        Description.createSuiteDescription(EndToEndBenchmark.class))
                .evaluate();
    }

    private void run(final int wrkSeconds) throws Exception {
        int tags = streams * tagsPerStream;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long pushStart = System.nanoTime();
            forEachTag(t -> true);
            System.out.printf(
                    Locale.ROOT,
                    "registry %s: pushed %d tags over %d repositories in %.1f s; %d resolve threads%n",
                    registry.baseUri(),
                    tags,
                    streams,
                    seconds(pushStart),
                    threads);
            Cycle first = cycle(executor, tags, tags);
            // the machine may be shared: interleave the unchanged cycle and wrk, and keep the better of two of each
            Cycle unchanged = null;
            double wrk = 0;
            for (int round = 0; round < 2; round++) {
                Cycle again = cycle(executor, tags, 0);
                unchanged = unchanged == null || again.importSeconds() < unchanged.importSeconds() ? again : unchanged;
                wrk = Math.max(wrk, Wrk.requestsPerSecond(registry.baseUri(), paths(), threads, wrkSeconds));
            }
            forEachTag(t -> t % 10 == 0);
            Cycle changed = cycle(executor, tags, tags / 10);
            System.out.println("| cycle | tags | requests | import s | evaluate s | tick s | requests/s | wrk GET/s |"
                    + " requests / wrk | builds |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            first.print("first import", tags, wrk);
            unchanged.print("nothing changed", tags, wrk);
            changed.print("10 % changed", tags, wrk);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Pushes a new image under every tag whose running number passes the filter: repositories in parallel, the tags
     * of one repository in turn (the registry fails concurrent uploads of the same blob to one repository).
     */
    private void forEachTag(final IntPredicate which) throws Exception {
        ExecutorService pushers = Executors.newFixedThreadPool(PUSH_THREADS);
        try {
            List<Future<Void>> pushes = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                int stream = s;
                pushes.add(pushers.submit(() -> {
                    for (int t = 0; t < tagsPerStream; t++) {
                        if (which.test(stream * tagsPerStream + t)) {
                            registry.pushImage(repository(stream), "t" + t, ManifestFormat.OCI_MANIFEST);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> push : pushes) {
                push.get();
            }
        } finally {
            pushers.shutdownNow();
        }
    }

    private Cycle cycle(final ExecutorService executor, final int expectedRequests, final int expectedMoves)
            throws InterruptedException {
        fixture.clock.advance(ImageStream.DEFAULT_INTERVAL);
        int buildsBefore = scheduler.requests().size();
        long start = System.nanoTime();
        CycleReport report = importer.runCycle(executor);
        long imported = System.nanoTime();
        TriggerReport triggered = triggerer.evaluate();
        long evaluated = System.nanoTime();
        if (report.requests() != expectedRequests || report.moved().size() != expectedMoves) {
            throw new IllegalStateException(
                    "expected " + expectedRequests + " requests and " + expectedMoves + " moves, got "
                            + report.requests() + " and " + report.moved().size());
        }
        if (!triggered.failures().isEmpty()) {
            throw new IllegalStateException("trigger failures: " + triggered.failures());
        }
        return new Cycle(
                report.requests(),
                (imported - start) / 1e9,
                (evaluated - imported) / 1e9,
                scheduler.requests().size() - buildsBefore);
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            for (int t = 0; t < tagsPerStream; t++) {
                paths.add(Wrk.manifestPath(repository(s), "t" + t));
            }
        }
        return paths;
    }

    private static String repository(final int stream) {
        return "e2e/s" + stream;
    }

    private static double seconds(final long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** One measured tick. */
    private record Cycle(int requests, double importSeconds, double evaluateSeconds, int builds) {
        void print(final String name, final int tags, final double wrk) {
            double tick = importSeconds + evaluateSeconds;
            double rate = requests / importSeconds;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f %% | %d |%n",
                    name,
                    tags,
                    requests,
                    importSeconds,
                    evaluateSeconds,
                    tick,
                    rate,
                    wrk,
                    100 * rate / wrk,
                    builds);
        }
    }
}
