package io.jenkins.plugins.imagestreams.core.importing;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;

import io.jenkins.plugins.imagestreams.core.StreamFixture;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A stream fixture plus a counting fake registry and an importer over both. */
public final class ImporterFixture implements AutoCloseable {
    /** Caps that never bind in these tests. */
    public static final ImportCaps LIFTED = new ImportCaps(1_000_000, new RegistryLimits(64, 1_000_000), Map.of());

    /** Specs, store, service and clock. */
    public final StreamFixture streams = new StreamFixture();
    /** The registry port. */
    public final FakeRegistry registry = new FakeRegistry(streams.clock);
    /** Runs the resolves. */
    public final ExecutorService executor = Executors.newFixedThreadPool(4);

    private Importer importer;

    /**
     * Creates the importer with some caps.
     *
     * @param caps the caps
     * @param credentials the credentials port
     * @return the importer
     */
    public Importer importer(final ImportCaps caps, final CredentialsResolver credentials) {
        importer = new Importer(
                streams.service,
                () -> List.copyOf(streams.specs),
                registry,
                credentials,
                ImportSettings.DEFAULT.withCaps(caps),
                streams.clock,
                streams.clock::advance);
        return importer;
    }

    /**
     * Runs one cycle of the last importer created.
     *
     * @return the report
     * @throws InterruptedException if interrupted
     */
    public CycleReport cycle() throws InterruptedException {
        return importer.runCycle(executor);
    }

    /**
     * Defines streams of scheduled registry tags, each tag pointing at a distinct digest in the registry.
     *
     * @param streamCount how many streams
     * @param tagsPerStream how many tags each
     * @return the references, {@code registry.example.com/team/s<i>:t<j>}
     */
    public List<String> defineRegistryTags(final int streamCount, final int tagsPerStream) {
        List<String> references = new ArrayList<>();
        for (int s = 0; s < streamCount; s++) {
            List<TagReference> tags = new ArrayList<>();
            for (int t = 0; t < tagsPerStream; t++) {
                String reference = "registry.example.com/team/s" + s + ":t" + t;
                tags.add(registryTag("t" + t, reference));
                registry.put(reference, StreamFixture.digest(s * 100_000 + t));
                references.add(reference);
            }
            streams.define(ImageStream.of("s" + s, tags));
        }
        return references;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
