package io.jenkins.plugins.imagestreams.cli;

import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.importing.ImportCaps;
import io.jenkins.plugins.imagestreams.core.importing.ImportSettings;
import io.jenkins.plugins.imagestreams.core.importing.Importer;
import io.jenkins.plugins.imagestreams.core.importing.Sleeper;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryClient;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import io.jenkins.plugins.imagestreams.core.store.InMemoryStatusStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves every tag of some streams the way the plugin does, with no state kept: one import cycle of the core
 * {@link Importer} over an in-memory status store (every registry tag is imported, as on a first run), then
 * {@link ImageStreams#reconcile} until copies and pins settle. The streams that copies and pins read from are
 * resolved too.
 */
final class StreamDescriber {
    private final RegistryClient registry;
    private final CredentialsResolver credentials;
    private final Duration deadline;
    private final Clock clock;

    StreamDescriber(
            final RegistryClient registry,
            final CredentialsResolver credentials,
            final Duration deadline,
            final Clock clock) {
        this.registry = registry;
        this.credentials = credentials;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * Counts the registry requests a description of these streams makes.
     *
     * @param spec the file's spec
     * @param shown the streams to describe
     * @return the number of registry tags of those streams and the streams they read from
     */
    static int registryTags(final StreamsSpec spec, final List<ImageStream> shown) {
        return (int) needed(spec, shown).stream()
                .flatMap(s -> s.tags().stream())
                .filter(t -> t.from().needsRegistry())
                .count();
    }

    /**
     * Describes streams.
     *
     * @param spec the file's spec
     * @param shown the streams to describe, in order
     * @return one entry per stream, each with one view per tag in spec order
     * @throws InterruptedException if interrupted while resolving
     */
    Map<ImageStream, List<TagView>> describe(final StreamsSpec spec, final List<ImageStream> shown)
            throws InterruptedException {
        List<ImageStream> needed = needed(spec, shown);
        ImageStreams service =
                new ImageStreams(() -> needed, new InMemoryStatusStore(), clock, ImageStreams.ProtectedDigests.NONE);
        int tags = Math.max(1, registryTags(spec, shown));
        ImportSettings settings = new ImportSettings(
                new ImportCaps(
                        Math.max(ImportCaps.DEFAULT_IMPORTS_PER_MINUTE, tags),
                        ImportCaps.DEFAULT.registryDefaults(),
                        Map.of()),
                ImportSettings.DEFAULT.policy(),
                deadline,
                spec::allowlist);
        Importer importer = new Importer(service, () -> needed, registry, credentials, settings, clock, Sleeper.THREAD);
        try (Resolvers resolvers = new Resolvers()) {
            importer.runCycle(resolvers.executor());
        }
        CopyPinning.settle(service, needed);
        Map<ImageStream, List<TagView>> views = new java.util.LinkedHashMap<>();
        for (ImageStream stream : shown) {
            views.put(
                    stream,
                    stream.tags().stream().map(t -> view(service, stream, t)).toList());
        }
        return views;
    }

    private static TagView view(final ImageStreams service, final ImageStream stream, final TagReference tag) {
        Optional<String> aliasOf =
                tag.from() instanceof TagSource.Alias ? Optional.of(stream.resolveAlias(tag.name())) : Optional.empty();
        Optional<TagHistory> status = service.tagStatus(stream.name(), tag.name());
        return new TagView(
                tag, aliasOf, service.current(stream.name(), tag.name()), status.flatMap(TagHistory::condition));
    }

    /** The shown streams and, transitively, the streams their copies and pins read from, in file order. */
    private static List<ImageStream> needed(final StreamsSpec spec, final List<ImageStream> shown) {
        Set<String> names = new LinkedHashSet<>();
        List<ImageStream> queue = new ArrayList<>(shown);
        while (!queue.isEmpty()) {
            ImageStream stream = queue.remove(0);
            if (names.add(stream.name())) {
                for (TagReference tag : stream.tags()) {
                    source(tag.from()).flatMap(spec::stream).ifPresent(queue::add);
                }
            }
        }
        return spec.streams().stream().filter(s -> names.contains(s.name())).toList();
    }

    private static Optional<String> source(final TagSource from) {
        if (from instanceof TagSource.StreamTag copy) {
            return Optional.of(copy.stream());
        }
        return from instanceof TagSource.StreamImage pin ? pin.stream() : Optional.empty();
    }
}
