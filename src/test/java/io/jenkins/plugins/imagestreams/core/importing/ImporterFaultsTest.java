package io.jenkins.plugins.imagestreams.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerReport;
import io.jenkins.plugins.imagestreams.testing.faults.Fault;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Registry faults through the whole import path (importer, real registry adapter, fault proxy, real registry) while
 * the tag has moved in the registry: the last good digest stays current, the condition says why, nothing is
 * triggered, no request is made before the backoff or the registry's {@code Retry-After} is over, and the first
 * request after it imports the move and triggers it once.
 */
public class ImporterFaultsTest {
    @ClassRule
    public static final LocalRegistry registry = LocalRegistry.plain();

    private static final AtomicInteger REPOSITORIES = new AtomicInteger();

    private ProxiedImporter engine;
    private String first;
    private String moved;

    @Before
    public void importAndMove() throws Exception {
        String repository = "faults/app" + REPOSITORIES.incrementAndGet();
        engine = new ProxiedImporter(registry);
        first = registry.pushImage(repository, "v1", ManifestFormat.OCI_MANIFEST);
        engine.define("app", engine.registryTag("v1", repository));
        engine.fixture.subscribe("deploy", "app", "v1");
        engine.cycle();
        engine.triggerer.evaluate();
        moved = registry.moveTag(repository, "v1", ManifestFormat.OCI_MANIFEST);
        engine.clock.advance(ImageStream.DEFAULT_INTERVAL);
    }

    @After
    public void stop() throws Exception {
        engine.close();
    }

    @Test
    public void shouldKeepTheLastGoodDigestWhenTheRegistryAnswers503() throws Exception {
        failThenRecover(Fault.STATUS_503_JSON, ConditionReason.Unavailable, ProxiedImporter.BACKOFF);
    }

    @Test
    public void shouldWaitAtLeastRetryAfterWhenTheRegistryAnswers429() throws Exception {
        Instant failedAt = engine.clock.instant();

        failThenRecover(Fault.RATE_LIMIT_SECONDS, ConditionReason.RateLimited, Duration.ofSeconds(2));

        assertThat(Duration.ofSeconds(2)).isGreaterThan(ProxiedImporter.BACKOFF);
        assertThat(engine.proxy.count("HEAD", "manifests")).isEqualTo(2);
        assertThat(engine.clock.instant()).isEqualTo(failedAt.plusSeconds(2));
    }

    @Test
    public void shouldKeepTheLastGoodDigestWhenTheRegistryTimesOut() throws Exception {
        engine.proxy.stall(Duration.ofSeconds(5));

        failThenRecover(Fault.SLOW_STATUS_LINE, ConditionReason.Unavailable, ProxiedImporter.BACKOFF);
    }

    @Test
    public void shouldKeepTheLastGoodDigestWhenTheConnectionDrops() throws Exception {
        failThenRecover(Fault.DROP_CONNECTION, ConditionReason.Unavailable, ProxiedImporter.BACKOFF);
    }

    private void failThenRecover(final Fault fault, final ConditionReason reason, final Duration wait)
            throws InterruptedException {
        engine.proxy.resetCounts();
        engine.proxy.inject(fault);
        Instant failedAt = engine.clock.instant();
        CycleReport failed = engine.cycle();
        TriggerReport notFired = engine.triggerer.evaluate();

        assertThat(failed.of(TagImport.Kind.FAILED))
                .singleElement()
                .satisfies(f -> assertThat(f.failure()).contains(reason));
        TagHistory status = tagStatus();
        assertThat(status.current().map(TagEvent::digest)).contains(Digest.parse(first));
        assertThat(status.condition()).hasValueSatisfying(c -> {
            assertThat(c.status()).isFalse();
            assertThat(c.reason()).contains(reason);
        });
        assertThat(notFired.scheduled()).isEmpty();

        engine.proxy.inject();
        int heads = engine.manifestRequests("HEAD");
        int gets = engine.manifestRequests("GET");
        int attempts = heads + gets;
        while (engine.clock.instant().isBefore(failedAt.plus(wait))) {
            engine.cycle();
            assertThat(engine.manifestRequests("HEAD") + engine.manifestRequests("GET"))
                    .as("requests at %s, before %s", engine.clock.instant(), failedAt.plus(wait))
                    .isEqualTo(attempts);
            engine.clock.advance(Duration.ofMillis(250));
        }
        CycleReport recovered = engine.cycle();
        TriggerReport fired = engine.triggerer.evaluate();

        assertThat(engine.manifestRequests("HEAD")).isEqualTo(heads + 1);
        assertThat(engine.manifestRequests("GET")).isEqualTo(gets);
        assertThat(recovered.moved())
                .singleElement()
                .satisfies(m -> assertThat(m.digest()).contains(Digest.parse(moved)));
        assertThat(tagStatus().condition())
                .hasValueSatisfying(c -> assertThat(c.status()).isTrue());
        assertThat(fired.scheduled()).singleElement().satisfies(r -> {
            assertThat(r.causes().get(0).previousDigest()).contains(Digest.parse(first));
            assertThat(r.causes().get(0).digest()).isEqualTo(Digest.parse(moved));
        });
        assertThat(engine.fixture.scheduler.requests()).hasSize(1);
    }

    private TagHistory tagStatus() {
        return engine.fixture.streams.service.tagStatus("app", "v1").orElseThrow();
    }
}
