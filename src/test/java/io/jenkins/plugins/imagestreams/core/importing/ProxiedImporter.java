package io.jenkins.plugins.imagestreams.core.importing;

import io.jenkins.plugins.imagestreams.core.MutableClock;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryAllowlist;
import io.jenkins.plugins.imagestreams.core.triggering.FirstRunPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.Triggerer;
import io.jenkins.plugins.imagestreams.core.triggering.TriggererFixture;
import io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient;
import io.jenkins.plugins.imagestreams.registry.jib.RegistryTransport;
import io.jenkins.plugins.imagestreams.testing.faults.FaultProxy;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The importer over the real registry adapter ({@link JibRegistryClient}), aimed at a {@link FaultProxy} in front of
 * the test registry, with a triggerer and its fixture around it. Caps are lifted; the backoff starts at one second; a
 * resolve may take three seconds, one response one second. Everything runs on the fixture's hand-moved clock.
 */
final class ProxiedImporter implements AutoCloseable {
    /** The backoff after the first failure. */
    static final Duration BACKOFF = Duration.ofSeconds(1);

    /** Streams, subscriptions, states and a recording build scheduler. */
    final TriggererFixture fixture = new TriggererFixture();
    /** The clock of every component. */
    final MutableClock clock = fixture.streams.clock;
    /** The proxy that counts requests and injects faults. */
    final FaultProxy proxy;
    /** The importer under test. */
    final Importer importer;
    /** A triggerer over the same status, first run waits for a change, no quiet period. */
    final Triggerer triggerer;

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    ProxiedImporter(final LocalRegistry registry) throws IOException {
        proxy = FaultProxy.start(registry);
        ImportSettings settings = new ImportSettings(
                ImporterFixture.LIFTED,
                new SchedulerPolicy(BACKOFF, Duration.ofHours(1), 10, Duration.ofMinutes(15)),
                Duration.ofSeconds(3),
                () -> RegistryAllowlist.of(List.of(proxy.hostAndPort())));
        importer = new Importer(
                fixture.streams.service,
                () -> List.copyOf(fixture.streams.specs),
                new JibRegistryClient(
                        host -> RegistryTransport.DEFAULT
                                .withInsecure(true)
                                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                        clock),
                CredentialsResolver.NONE,
                settings,
                clock,
                clock::advance);
        triggerer = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
    }

    /**
     * A scheduled, insecure registry tag read through the proxy.
     *
     * @param name the tag name, also the registry tag
     * @param repository the registry repository
     * @return the tag reference
     */
    TagReference registryTag(final String name, final String repository) {
        return new TagReference(
                name,
                TagSource.RegistryImage.parse(proxy.imageReference(repository, name)),
                new ImportPolicy(true, true, ImportMode.PRESERVE_ORIGINAL, List.of(), Optional.empty()));
    }

    /**
     * Defines a stream.
     *
     * @param name the stream name
     * @param tags its tags
     */
    void define(final String name, final TagReference... tags) {
        fixture.streams.define(ImageStream.of(name, List.of(tags)));
    }

    /**
     * Runs one import cycle.
     *
     * @return its report
     * @throws InterruptedException if interrupted
     */
    CycleReport cycle() throws InterruptedException {
        return importer.runCycle(executor);
    }

    /**
     * Counts the manifest requests the proxy saw since it started or its counts were reset.
     *
     * @param method {@code HEAD} or {@code GET}
     * @return the count
     */
    int manifestRequests(final String method) {
        return proxy.count(method, "manifests");
    }

    @Override
    public void close() throws IOException {
        executor.shutdownNow();
        proxy.close();
    }
}
