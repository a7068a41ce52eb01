package io.jenkins.plugins.imagestreams.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * What a poll costs on the wire, counted by the proxy in front of the real registry: one HEAD per scheduled tag and
 * no GET when nothing changed; nothing at all for aliases, copies and pins.
 */
public class ImporterRequestAccountingTest {
    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    private ProxiedImporter engine;

    @Before
    public void start() throws Exception {
        engine = new ProxiedImporter(registry);
    }

    @After
    public void stop() throws Exception {
        engine.close();
    }

    @Test
    public void shouldCostExactlyOneHeadAndNoGetPerUnchangedTagEachCycle() throws Exception {
        for (int s = 0; s < 10; s++) {
            List<TagReference> tags = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                registry.pushImage("count/s" + s, "t" + t, ManifestFormat.OCI_MANIFEST);
                tags.add(engine.registryTag("t" + t, "count/s" + s));
            }
            engine.define("s" + s, tags.toArray(TagReference[]::new));
        }
        engine.cycle();

        for (int cycle = 0; cycle < 3; cycle++) {
            engine.proxy.resetCounts();
            engine.clock.advance(ImageStream.DEFAULT_INTERVAL);

            CycleReport report = engine.cycle();

            assertThat(report.of(TagImport.Kind.UNCHANGED)).hasSize(100);
            assertThat(engine.manifestRequests("HEAD")).isEqualTo(100);
            assertThat(engine.manifestRequests("GET")).isZero();
            assertThat(engine.proxy.count("GET", "other")).isZero();
        }
    }

    @Test
    public void shouldCostNothingForAliasesCopiesAndPins() throws Exception {
        String digest = registry.pushImage("count/app", "1", ManifestFormat.OCI_MANIFEST);
        engine.define("app", engine.registryTag("1", "count/app"), TagReference.of("latest", new TagSource.Alias("1")));
        engine.cycle();

        engine.define(
                "prod",
                TagReference.of("stable", new TagSource.StreamTag("app", "1")),
                TagReference.of("pinned", new TagSource.StreamImage(Optional.of("app"), Digest.parse(digest))));
        engine.proxy.resetCounts();
        CycleReport copies = engine.cycle();
        int copyRequests = engine.manifestRequests("HEAD") + engine.manifestRequests("GET");
        engine.clock.advance(ImageStream.DEFAULT_INTERVAL);
        engine.proxy.resetCounts();
        CycleReport next = engine.cycle();

        assertThat(copies.of(TagImport.Kind.RECONCILED))
                .extracting(TagImport::tag)
                .containsExactlyInAnyOrder("stable", "pinned");
        assertThat(copyRequests).isZero();
        assertThat(engine.fixture.streams.service.current("app", "latest")).isPresent();
        assertThat(engine.fixture.streams.service.current("prod", "stable")).isPresent();
        assertThat(next.requests()).isEqualTo(1);
        assertThat(engine.manifestRequests("HEAD")).isEqualTo(1);
        assertThat(engine.manifestRequests("GET")).isZero();
    }
}
