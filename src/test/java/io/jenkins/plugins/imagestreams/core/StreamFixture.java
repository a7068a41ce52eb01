package io.jenkins.plugins.imagestreams.core;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.store.InMemoryStatusStore;
import io.jenkins.plugins.imagestreams.core.store.StatusStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds an {@link ImageStreams} service over an in-memory store, specs that tests can change, and a clock. */
public final class StreamFixture {
    /** The clock every timestamp comes from. */
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    /** The specs the service sees; tests replace entries to change the configuration. */
    public final List<ImageStream> specs = new CopyOnWriteArrayList<>();
    /** The store. */
    public final StatusStore store;
    /** The service under test. */
    public final ImageStreams service;

    /** Creates a fixture over an in-memory store. */
    public StreamFixture() {
        this(new InMemoryStatusStore());
    }

    /**
     * Creates a fixture over a given store.
     *
     * @param store the store
     */
    public StreamFixture(final StatusStore store) {
        this.store = store;
        this.service = new ImageStreams(() -> List.copyOf(specs), store, clock, ImageStreams.ProtectedDigests.NONE);
    }

    /**
     * A distinct, deterministic digest.
     *
     * @param n any number
     * @return {@code sha256} of the text {@code image-<n>}
     */
    public static Digest digest(final int n) {
        return Digest.sha256Of(("image-" + n).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A scheduled registry tag.
     *
     * @param tag the tag name
     * @param image the registry reference
     * @return the tag reference
     */
    public static TagReference registryTag(final String tag, final String image) {
        return new TagReference(tag, TagSource.RegistryImage.parse(image), ImportPolicy.DEFAULT.withScheduled(true));
    }

    /**
     * Defines or replaces a stream.
     *
     * @param stream the stream
     */
    public void define(final ImageStream stream) {
        specs.removeIf(s -> s.name().equals(stream.name()));
        specs.add(stream);
    }

    /**
     * Imports a digest for a registry tag, as the poller would.
     *
     * @param stream the stream
     * @param tag the tag
     * @param digest the digest the registry reported
     * @return the result
     */
    public TagResult imported(final String stream, final String tag, final Digest digest) {
        String repository = "registry.example.com/team/" + stream;
        return service.applyImport(
                stream,
                tag,
                new ImportOutcome.Resolved(
                        digest, repository + "@" + digest, Map.of(), TagEventCause.POLL, "SYSTEM", 0));
    }
}
