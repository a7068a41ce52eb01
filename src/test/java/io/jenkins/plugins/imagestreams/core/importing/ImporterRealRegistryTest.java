package io.jenkins.plugins.imagestreams.core.importing;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.triggering.FirstRunPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.core.triggering.Triggerer;
import io.jenkins.plugins.imagestreams.core.triggering.TriggererFixture;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;

/** The importer and the triggerer against the real {@code docker-registry} of the test fixture. */
public class ImporterRealRegistryTest {
    @Rule
    public LocalRegistry registry = LocalRegistry.plain();

    private final TriggererFixture fixture = new TriggererFixture();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @After
    public void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    public void shouldRecordMovedTagAndFireOnceThenNothingForTenPolls() throws Exception {
        String first = registry.pushImage("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        fixture.streams.define(
                ImageStream.of("app", List.of(registryTag("v1", registry.imageReference("demo/app", "v1")))));
        fixture.subscribe("deploy", "app", "v1");
        HeadRegistryClient client = new HeadRegistryClient(registry);
        Importer importer = new Importer(
                fixture.streams.service,
                () -> List.copyOf(fixture.streams.specs),
                client,
                CredentialsResolver.NONE,
                ImportSettings.DEFAULT,
                fixture.streams.clock,
                fixture.streams.clock::advance);
        Triggerer triggerer = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
        importer.runCycle(executor);
        triggerer.evaluate();

        String moved = registry.moveTag("demo/app", "v1", ManifestFormat.OCI_MANIFEST);
        fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);
        CycleReport poll = importer.runCycle(executor);
        TriggerReport fired = triggerer.evaluate();
        int headsAfterMove = client.heads();
        int quietTriggers = 0;
        for (int i = 0; i < 10; i++) {
            fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);
            CycleReport quiet = importer.runCycle(executor);
            assertThat(quiet.of(TagImport.Kind.UNCHANGED)).hasSize(1);
            quietTriggers += triggerer.evaluate().scheduled().size();
        }

        assertThat(moved).isNotEqualTo(first);
        assertThat(poll.moved()).singleElement().satisfies(m -> {
            assertThat(m.previousDigest()).contains(Digest.parse(first));
            assertThat(m.digest()).contains(Digest.parse(moved));
        });
        assertThat(fixture.streams.service.current("app", "v1").map(TagEvent::digest))
                .contains(Digest.parse(moved));
        assertThat(fired.scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes().get(0).digest()).isEqualTo(Digest.parse(moved)));
        assertThat(quietTriggers).isZero();
        assertThat(client.heads() - headsAfterMove).isEqualTo(10);
        assertThat(fixture.scheduler.requests()).hasSize(1);
    }
}
