package io.jenkins.plugins.imagestreams.core.importing;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImportMode;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryCredentials;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Test;

/** One import cycle over the counting fake registry: request accounting, failures, platforms, caps. */
public class ImporterTest {
    private static final String APP = "registry.example.com/team/app:1";

    private final ImporterFixture fixture = new ImporterFixture();
    private final FakeRegistry registry = fixture.registry;

    @After
    public void stopExecutor() {
        fixture.close();
    }

    private Importer lifted() {
        return fixture.importer(ImporterFixture.LIFTED, CredentialsResolver.NONE);
    }

    private Digest current(final String stream, final String tag) {
        return fixture.streams
                .service
                .current(stream, tag)
                .map(TagEvent::digest)
                .orElseThrow();
    }

    @Test
    public void shouldCostExactlyOneResolveWithKnownDigestPerUnchangedTag() throws InterruptedException {
        fixture.defineRegistryTags(10, 10);
        lifted();
        fixture.cycle();
        registry.reset();

        for (int cycle = 0; cycle < 3; cycle++) {
            fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);
            CycleReport report = fixture.cycle();

            assertThat(report.requests()).isEqualTo(100);
            assertThat(report.of(TagImport.Kind.UNCHANGED)).hasSize(100);
            assertThat(report.moved()).isEmpty();
        }
        assertThat(registry.resolveCount()).isEqualTo(300);
        assertThat(registry.calls())
                .allSatisfy(call -> assertThat(call.knownDigest()).isPresent());
    }

    @Test
    public void shouldCostNothingBetweenSlots() throws InterruptedException {
        fixture.defineRegistryTags(10, 10);
        lifted();
        fixture.cycle();
        registry.reset();

        CycleReport report = fixture.cycle();

        assertThat(report.requests()).isZero();
        assertThat(report.notDue()).isEqualTo(100);
        assertThat(report.nextDelay()).isPositive().isLessThanOrEqualTo(ImageStream.DEFAULT_INTERVAL);
    }

    @Test
    public void shouldSpendNoRequestOnAliasesAndCopies() throws InterruptedException {
        fixture.streams.define(ImageStream.of(
                "app", List.of(registryTag("1", APP), TagReference.of("latest", new TagSource.Alias("1")))));
        fixture.streams.define(ImageStream.of(
                "prod",
                List.of(
                        TagReference.of("stable", new TagSource.StreamTag("app", "1")),
                        TagReference.of("pinned", new TagSource.StreamImage(Optional.of("app"), digest(1))))));
        registry.put(APP, digest(1));
        lifted();

        CycleReport first = fixture.cycle();
        CycleReport second = fixture.cycle();

        assertThat(registry.resolveCount()).isEqualTo(1);
        assertThat(first.requests()).isEqualTo(1);
        assertThat(second.requests()).isZero();
        assertThat(second.of(TagImport.Kind.RECONCILED))
                .extracting(TagImport::tag)
                .containsExactlyInAnyOrder("stable", "pinned");
        assertThat(current("app", "latest")).isEqualTo(digest(1));
        assertThat(current("prod", "stable")).isEqualTo(digest(1));
    }

    @Test
    public void shouldRecordMoveWithPreviousAndNewDigest() throws InterruptedException {
        fixture.streams.define(ImageStream.of("app", List.of(registryTag("1", APP))));
        registry.put(APP, digest(1));
        lifted();
        fixture.cycle();
        registry.put(APP, digest(2));
        fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);

        CycleReport report = fixture.cycle();

        assertThat(report.moved()).singleElement().satisfies(move -> {
            assertThat(move.kind()).isEqualTo(TagImport.Kind.MOVED);
            assertThat(move.previousDigest()).contains(digest(1));
            assertThat(move.digest()).contains(digest(2));
            assertThat(move.triggerRelevant()).isTrue();
        });
        assertThat(current("app", "1")).isEqualTo(digest(2));
    }

    @Test
    public void shouldKeepLastGoodDigestAndWaitRetryAfterWhenRateLimited() throws InterruptedException {
        fixture.streams.define(ImageStream.of("app", List.of(registryTag("1", APP))));
        registry.put(APP, digest(1));
        lifted();
        fixture.cycle();
        fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);
        Instant retryAfter = fixture.streams.clock.instant().plus(Duration.ofMinutes(20));
        registry.fail(
                APP,
                new RegistryException(
                        ConditionReason.RateLimited, "registry.example.com: 429 for " + APP, Optional.of(retryAfter)));
        registry.reset();

        CycleReport failed = fixture.cycle();
        assertThat(failed.of(TagImport.Kind.FAILED))
                .singleElement()
                .satisfies(f -> assertThat(f.failure()).contains(ConditionReason.RateLimited));
        registry.put(APP, digest(2));
        while (fixture.streams.clock.instant().isBefore(retryAfter)) {
            fixture.cycle();
            fixture.streams.clock.advance(Duration.ofSeconds(30));
        }
        int beforeRetryAfter = registry.resolveCount();
        fixture.cycle();

        TagHistory status = fixture.streams.service.tagStatus("app", "1").orElseThrow();
        assertThat(beforeRetryAfter).isEqualTo(1);
        assertThat(registry.calls()).last().satisfies(c -> assertThat(c.at()).isAfterOrEqualTo(retryAfter));
        assertThat(status.current().map(TagEvent::digest)).contains(digest(2));
        assertThat(failed.moved()).isEmpty();
    }

    @Test
    public void shouldSetConditionAndKeepDigestWhenRegistryIsUnavailable() throws InterruptedException {
        fixture.streams.define(ImageStream.of("app", List.of(registryTag("1", APP))));
        registry.put(APP, digest(1));
        lifted();
        fixture.cycle();
        registry.fail(APP, new RegistryException(ConditionReason.Unavailable, "503", Optional.empty()));
        fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);

        fixture.cycle();

        TagHistory status = fixture.streams.service.tagStatus("app", "1").orElseThrow();
        assertThat(status.current().map(TagEvent::digest)).contains(digest(1));
        assertThat(status.condition().flatMap(TagCondition::reason)).contains(ConditionReason.Unavailable);
        assertThat(lifted().record("app", "1").consecutiveFailures()).isEqualTo(1);
    }

    @Test
    public void shouldFlagIndexWithUnchangedSelectedPlatformsAsNoTriggerChange() throws InterruptedException {
        ImportPolicy amd64Only = new ImportPolicy(
                true, false, ImportMode.PRESERVE_ORIGINAL, List.of(Platform.parse("linux/amd64")), Optional.empty());
        fixture.streams.define(
                ImageStream.of("app", List.of(new TagReference("1", TagSource.RegistryImage.parse(APP), amd64Only))));
        registry.put(APP, digest(10), Map.of("linux/amd64", digest(11), "linux/arm64", digest(12)));
        lifted();
        fixture.cycle();

        registry.put(APP, digest(20), Map.of("linux/amd64", digest(11), "linux/arm64", digest(22)));
        fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);
        TagImport armOnly = fixture.cycle().moved().get(0);
        registry.put(APP, digest(30), Map.of("linux/amd64", digest(31), "linux/arm64", digest(22)));
        fixture.streams.clock.advance(ImageStream.DEFAULT_INTERVAL);
        TagImport amd64 = fixture.cycle().moved().get(0);

        assertThat(armOnly.digest()).contains(digest(20));
        assertThat(armOnly.triggerRelevant()).isFalse();
        assertThat(amd64.triggerRelevant()).isTrue();
        assertThat(fixture.streams.service.history("app", "1"))
                .extracting(TagEvent::digest)
                .containsExactly(digest(30), digest(20), digest(10));
    }

    @Test
    public void shouldServeImportNowFirstButWithinTheGlobalCap() throws InterruptedException {
        fixture.defineRegistryTags(1, 3);
        fixture.importer(new ImportCaps(1, new RegistryLimits(4, 100), Map.of()), CredentialsResolver.NONE);
        fixture.cycle();
        fixture.streams.clock.advance(Duration.ofMinutes(1));
        fixture.cycle();
        fixture.streams.clock.advance(Duration.ofMinutes(1));
        fixture.cycle();
        fixture.streams.service.requestImport("s0", "t2");
        fixture.streams.service.requestImport("s0", "t0");
        fixture.streams.clock.advance(Duration.ofMinutes(1));

        CycleReport first = fixture.cycle();
        CycleReport second = fixture.cycle();

        assertThat(first.requests()).isEqualTo(1);
        assertThat(first.tags())
                .filteredOn(t -> t.kind() != TagImport.Kind.DEFERRED)
                .singleElement()
                .satisfies(t -> assertThat(t.reason()).isEqualTo(ImportReason.IMPORT_REQUESTED));
        assertThat(second.requests()).isZero();
        assertThat(second.of(TagImport.Kind.DEFERRED))
                .singleElement()
                .satisfies(t -> assertThat(t.reason()).isEqualTo(ImportReason.IMPORT_REQUESTED));
    }

    @Test
    public void shouldBoundConcurrentRequestsPerRegistry() throws InterruptedException {
        fixture.defineRegistryTags(4, 10);
        registry.latency(5);
        fixture.importer(new ImportCaps(1_000, new RegistryLimits(2, 1_000_000), Map.of()), CredentialsResolver.NONE);

        CycleReport report = fixture.cycle();

        assertThat(report.requests()).isEqualTo(40);
        assertThat(registry.maxInFlight()).isBetween(1, 2);
    }

    @Test
    public void shouldResolveCredentialsByIdAndFailUnknownOnesWithoutARequest() throws InterruptedException {
        ImportPolicy withId =
                new ImportPolicy(true, false, ImportMode.PRESERVE_ORIGINAL, List.of(), Optional.of("registry-login"));
        ImportPolicy withUnknownId =
                new ImportPolicy(true, false, ImportMode.PRESERVE_ORIGINAL, List.of(), Optional.of("missing"));
        fixture.streams.define(ImageStream.of(
                "app",
                List.of(
                        new TagReference("1", TagSource.RegistryImage.parse(APP), withId),
                        new TagReference(
                                "2",
                                TagSource.RegistryImage.parse("registry.example.com/team/app:2"),
                                withUnknownId))));
        registry.put(APP, digest(1));
        RegistryCredentials alice = RegistryCredentials.usernamePassword("alice", "secret");
        fixture.importer(
                ImporterFixture.LIFTED,
                (id, image) -> id.equals("registry-login") ? Optional.of(alice) : Optional.empty());

        fixture.cycle();

        assertThat(registry.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.credentials()).isEqualTo(alice));
        assertThat(fixture.streams
                        .service
                        .tagStatus("app", "2")
                        .flatMap(TagHistory::condition)
                        .flatMap(TagCondition::reason))
                .contains(ConditionReason.Unauthorized);
    }
}
