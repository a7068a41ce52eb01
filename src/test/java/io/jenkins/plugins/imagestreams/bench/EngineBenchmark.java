package io.jenkins.plugins.imagestreams.bench;

import io.jenkins.plugins.imagestreams.core.ImageStreamSpecs;
import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.ImportOutcome;
import io.jenkins.plugins.imagestreams.core.MutableClock;
import io.jenkins.plugins.imagestreams.core.StreamFixture;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.importing.CycleReport;
import io.jenkins.plugins.imagestreams.core.importing.FakeRegistry;
import io.jenkins.plugins.imagestreams.core.importing.ImportSettings;
import io.jenkins.plugins.imagestreams.core.importing.Importer;
import io.jenkins.plugins.imagestreams.core.importing.ImporterFixture;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.store.InMemoryStatusStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark 2 of issue 8: the import engine alone, over the in-memory registry port, caps lifted. For each size
 * it builds streams of 10 scheduled registry tags, records 10 history entries per tag through the service, runs
 * a first cycle, then measures full cycles with nothing changed (every tag due, one resolve each; the median of
 * three) and one with 10 % of the tags moved, and the heap after the unchanged cycles (after a full GC; model, status
 * cache, ledger and fake registry included).
 *
 * <p>Run one size per JVM (see docs/benchmarks.md):
 * {@code java -Xmx2g -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * io.jenkins.plugins.imagestreams.bench.EngineBenchmark 10000}
 */
public final class EngineBenchmark {
    private static final int TAGS_PER_STREAM = 10;
    private static final int HISTORY = 10;
    private static final int RUNS = 3;
    private static long lastCpuMillis;

    private EngineBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args the tag counts, e.g. {@code 1000 10000 100000}; default all three
     * @throws InterruptedException if interrupted
     */
    public static void main(final String[] args) throws InterruptedException {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args.length == 0 ? new String[] {"1000", "10000", "100000"} : args) {
            sizes.add(Integer.parseInt(arg));
        }
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            for (int size : sizes) {
                run(size, executor);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static void run(final int tags, final ExecutorService executor) throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        Map<String, ImageStream> specs = streams(tags / TAGS_PER_STREAM);
        ImageStreamSpecs port = new ImageStreamSpecs() {
            private final List<ImageStream> all = List.copyOf(specs.values());

            @Override
            public List<ImageStream> all() {
                return all;
            }

            @Override
            public Optional<ImageStream> find(final String name) {
                return Optional.ofNullable(specs.get(name));
            }
        };
        ImageStreams service =
                new ImageStreams(port, new InMemoryStatusStore(), clock, ImageStreams.ProtectedDigests.NONE);
        FakeRegistry registry = new FakeRegistry(clock);
        registry.keepNoCallList();
        populate(service, registry, specs.values(), clock);
        Importer importer = new Importer(
                service,
                port,
                registry,
                CredentialsResolver.NONE,
                ImportSettings.DEFAULT.withCaps(ImporterFixture.LIFTED),
                clock,
                clock::advance);
        importer.runCycle(executor);

        long[] unchangedRuns = new long[RUNS];
        long[] unchangedCpu = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            clock.advance(ImageStream.DEFAULT_INTERVAL);
            unchangedRuns[i] = timed(importer, executor, tags, 0);
            unchangedCpu[i] = lastCpuMillis;
        }
        java.util.Arrays.sort(unchangedRuns);
        java.util.Arrays.sort(unchangedCpu);
        long unchanged = unchangedRuns[RUNS / 2];
        long heap = heapMegabytes();
        move(registry, specs.values(), 10);
        clock.advance(ImageStream.DEFAULT_INTERVAL);
        long changed = timed(importer, executor, tags, tags / 10);
        System.out.printf(
                Locale.ROOT,
                "tags=%d streams=%d history=%d unchanged=%d ms (cpu %d ms) changed10%%=%d ms (cpu %d ms) heap=%d MB%n",
                tags,
                specs.size(),
                HISTORY,
                unchanged,
                unchangedCpu[RUNS / 2],
                changed,
                lastCpuMillis,
                heap);
    }

    private static long timed(final Importer importer, final ExecutorService executor, final int tags, final int moves)
            throws InterruptedException {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        CycleReport report = importer.runCycle(executor);
        long millis = (System.nanoTime() - start) / 1_000_000;
        lastCpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
        if (report.requests() != tags || report.moved().size() != moves) {
            throw new IllegalStateException("expected " + tags + " resolves and " + moves + " moves, got "
                    + report.requests() + " and " + report.moved().size());
        }
        return millis;
    }

    private static Map<String, ImageStream> streams(final int count) {
        Map<String, ImageStream> specs = new LinkedHashMap<>();
        for (int s = 0; s < count; s++) {
            List<TagReference> tags = new ArrayList<>();
            for (int t = 0; t < TAGS_PER_STREAM; t++) {
                tags.add(StreamFixture.registryTag("t" + t, reference(s, t)));
            }
            specs.put("s" + s, ImageStream.of("s" + s, tags));
        }
        return specs;
    }

    private static String reference(final int stream, final int tag) {
        return "registry.example.com/team/s" + stream + ":t" + tag;
    }

    private static void populate(
            final ImageStreams service,
            final FakeRegistry registry,
            final Iterable<ImageStream> streams,
            final MutableClock clock) {
        for (int round = 0; round < HISTORY; round++) {
            for (ImageStream stream : streams) {
                int s = Integer.parseInt(stream.name().substring(1));
                for (TagReference tag : stream.tags()) {
                    int t = Integer.parseInt(tag.name().substring(1));
                    Digest digest = digest(s, t, round);
                    service.applyImport(
                            stream.name(),
                            tag.name(),
                            new ImportOutcome.Resolved(
                                    digest,
                                    "registry.example.com/team/" + stream.name() + "@" + digest,
                                    Map.of(),
                                    TagEventCause.POLL,
                                    "SYSTEM",
                                    0));
                    if (round == HISTORY - 1) {
                        registry.put(reference(s, t), digest);
                    }
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private static void move(final FakeRegistry registry, final Iterable<ImageStream> streams, final int percent) {
        int i = 0;
        for (ImageStream stream : streams) {
            int s = Integer.parseInt(stream.name().substring(1));
            for (int t = 0; t < TAGS_PER_STREAM; t++) {
                if (i++ % (100 / percent) == 0) {
                    registry.put(reference(s, t), digest(s, t, HISTORY));
                }
            }
        }
    }

    private static Digest digest(final int stream, final int tag, final int round) {
        return Digest.sha256Of(
                ByteBuffer.allocate(12).putInt(stream).putInt(tag).putInt(round).array());
    }

    /** CPU time of the whole process (all threads, GC included), so that a loaded machine inflates it less. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long heapMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
