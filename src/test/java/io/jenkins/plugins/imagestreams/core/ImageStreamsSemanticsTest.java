package io.jenkins.plugins.imagestreams.core;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

/** One test per row of design.md's semantics: alias versus copy, rollback, retention, failures. */
public class ImageStreamsSemanticsTest {
    private final StreamFixture fixture = new StreamFixture();
    private final ImageStreams service = fixture.service;

    @Before
    public void defineStreams() {
        fixture.define(ImageStream.of(
                "app",
                List.of(
                        registryTag("3.6", "registry.example.com/team/app:3.6"),
                        TagReference.of("latest", new TagSource.Alias("3.6")))));
        fixture.define(
                ImageStream.of("prod", List.of(TagReference.of("stable", new TagSource.StreamTag("app", "3.6")))));
    }

    private Digest currentDigest(final String stream, final String tag) {
        return service.current(stream, tag).map(TagEvent::digest).orElseThrow();
    }

    @Test
    public void shouldFollowTargetWithAlias() {
        fixture.imported("app", "3.6", digest(1));
        assertThat(currentDigest("app", "latest")).isEqualTo(digest(1));

        fixture.imported("app", "3.6", digest(2));

        assertThat(currentDigest("app", "latest")).isEqualTo(digest(2));
        assertThat(service.history("app", "latest"))
                .extracting(TagEvent::digest)
                .containsExactly(digest(2), digest(1));
    }

    @Test
    public void shouldPinDigestWithCopyAcrossStreams() {
        fixture.imported("app", "3.6", digest(1));
        List<TagResult> first = service.reconcile("prod");

        fixture.imported("app", "3.6", digest(2));
        List<TagResult> second = service.reconcile("prod");

        assertThat(first).singleElement().satisfies(r -> assertThat(r.digest()).contains(digest(1)));
        assertThat(second).isEmpty();
        assertThat(currentDigest("prod", "stable")).isEqualTo(digest(1));
        assertThat(service.current("prod", "stable").orElseThrow().pullSpec())
                .isEqualTo("registry.example.com/team/app@" + digest(1));
    }

    @Test
    public void shouldReportCopyWithoutSourceDigestAsCondition() {
        service.reconcile("prod");

        TagHistory stable = service.tagStatus("prod", "stable").orElseThrow();
        assertThat(stable.items()).isEmpty();
        assertThat(stable.condition().orElseThrow().reason()).contains(ConditionReason.NotFound);
        assertThat(stable.condition().orElseThrow().message()).contains("app:3.6");
    }

    @Test
    public void shouldClearTheCopyConditionOnceTheSourceHasADigest() {
        service.reconcile("prod");
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.imported("app", "3.6", digest(1));

        service.reconcile("prod");

        TagHistory stable = service.tagStatus("prod", "stable").orElseThrow();
        assertThat(stable.current().orElseThrow().digest()).isEqualTo(digest(1));
        assertThat(stable.condition().orElseThrow().status()).isTrue();
        assertThat(stable.condition().orElseThrow().reason()).isEmpty();
        assertThat(stable.condition().orElseThrow().lastTransitionTime()).isEqualTo(fixture.clock.instant());
    }

    @Test
    public void shouldRecordNewEntryOnRollback() {
        fixture.imported("app", "3.6", digest(1));
        fixture.imported("app", "3.6", digest(2));

        TagResult result = service.rollback("app", "3.6", RollbackTarget.parse("previous"), "alice");

        assertThat(result.changed()).isTrue();
        assertThat(result.previousDigest()).contains(digest(2));
        assertThat(result.digest()).contains(digest(1));
        List<TagEvent> history = service.history("app", "3.6");
        assertThat(history).extracting(TagEvent::digest).containsExactly(digest(1), digest(2), digest(1));
        assertThat(history.get(0).cause()).isEqualTo(TagEventCause.ROLLBACK);
        assertThat(history.get(0).user()).isEqualTo("alice");
        assertThat(history.get(0).generation()).isGreaterThan(history.get(1).generation());
    }

    @Test
    public void shouldKeepRollbackUntilRegistryMovesAgain() {
        fixture.imported("app", "3.6", digest(1));
        fixture.imported("app", "3.6", digest(2));
        service.rollback("app", "3.6", RollbackTarget.parse("previous"), "alice");

        TagResult samePoll = fixture.imported("app", "3.6", digest(2));
        assertThat(samePoll.changed()).isFalse();
        assertThat(currentDigest("app", "3.6")).isEqualTo(digest(1));

        TagResult movedPoll = fixture.imported("app", "3.6", digest(3));
        assertThat(movedPoll.changed()).isTrue();
        assertThat(currentDigest("app", "3.6")).isEqualTo(digest(3));
    }

    @Test
    public void shouldRollBackToNthEntryAndToExplicitDigest() {
        for (int i = 1; i <= 4; i++) {
            fixture.imported("app", "3.6", digest(i));
        }

        service.rollback("app", "3.6", RollbackTarget.parse("2"), "bob");
        assertThat(currentDigest("app", "3.6")).isEqualTo(digest(2));

        service.rollback("app", "3.6", RollbackTarget.parse(digest(4).toString()), "bob");
        assertThat(currentDigest("app", "3.6")).isEqualTo(digest(4));
    }

    @Test
    public void shouldKeepLastGoodDigestWhenRegistryFails() {
        fixture.imported("app", "3.6", digest(1));
        List<TagEvent> before = service.history("app", "3.6");

        Instant retryAfter = fixture.clock.instant().plusSeconds(30);
        TagResult result = service.applyImport(
                "app",
                "3.6",
                new ImportOutcome.Failed(
                        ConditionReason.RateLimited, "registry.example.com answered 429", Optional.of(retryAfter), 0));

        assertThat(result.changed()).isFalse();
        assertThat(currentDigest("app", "3.6")).isEqualTo(digest(1));
        assertThat(service.history("app", "3.6")).isEqualTo(before);
        TagHistory status = service.tagStatus("app", "3.6").orElseThrow();
        assertThat(status.condition().orElseThrow().status()).isFalse();
        assertThat(status.condition().orElseThrow().reason()).contains(ConditionReason.RateLimited);
        assertThat(status.condition().orElseThrow().retryAfter()).contains(retryAfter);
    }

    @Test
    public void shouldClearConditionOnNextSuccessWithoutNewEntry() {
        fixture.imported("app", "3.6", digest(1));
        service.applyImport(
                "app", "3.6", new ImportOutcome.Failed(ConditionReason.Unavailable, "503", Optional.empty(), 0));

        TagResult result = fixture.imported("app", "3.6", digest(1));

        assertThat(result.changed()).isFalse();
        assertThat(service.history("app", "3.6")).hasSize(1);
        assertThat(service.tagStatus("app", "3.6")
                        .orElseThrow()
                        .condition()
                        .orElseThrow()
                        .status())
                .isTrue();
    }

    @Test
    public void shouldNotAddEntryForSameDigestAndGeneration() {
        fixture.imported("app", "3.6", digest(1));
        TagResult again = fixture.imported("app", "3.6", digest(1));

        assertThat(again.changed()).isFalse();
        assertThat(service.history("app", "3.6")).hasSize(1);
    }

    @Test
    public void shouldAddEntryForSameDigestWhenSpecChanges() {
        fixture.imported("app", "3.6", digest(1));
        fixture.define(ImageStream.of(
                "app",
                List.of(
                        registryTag("3.6", "registry.example.com/team/app:3.6.1"),
                        TagReference.of("latest", new TagSource.Alias("3.6")))));

        TagResult result = fixture.imported("app", "3.6", digest(1));

        assertThat(result.changed()).isTrue();
        List<TagEvent> history = service.history("app", "3.6");
        assertThat(history).extracting(TagEvent::digest).containsExactly(digest(1), digest(1));
        assertThat(history.get(0).generation()).isEqualTo(history.get(1).generation() + 1);
    }

    @Test
    public void shouldAddOneEntryWhenTaggingSameDigestTwice() {
        fixture.imported("app", "3.6", digest(1));
        TagRequest request = new TagRequest(TagRequest.parseSource("app:3.6"), "prod", "candidate", false, "carol");

        TagResult first = service.tag(request);
        TagResult second = service.tag(request);

        assertThat(first.changed()).isTrue();
        assertThat(second.changed()).isFalse();
        assertThat(service.history("prod", "candidate"))
                .singleElement()
                .satisfies(e -> assertThat(e.cause()).isEqualTo(TagEventCause.TAG));
    }

    @Test
    public void shouldKeepNewestRevisionsAndReferencedDigests() {
        fixture.define(new ImageStream(
                "app",
                "",
                List.of(registryTag("3.6", "registry.example.com/team/app:3.6")),
                ImageStream.DEFAULT_INTERVAL,
                new HistoryRetention(2, Duration.ZERO),
                false));
        fixture.define(ImageStream.of(
                "pinned",
                List.of(TagReference.of("golden", new TagSource.StreamImage(Optional.of("app"), digest(1))))));

        for (int i = 1; i <= 5; i++) {
            fixture.clock.advance(Duration.ofMinutes(1));
            fixture.imported("app", "3.6", digest(i));
        }

        assertThat(service.history("app", "3.6"))
                .extracting(TagEvent::digest)
                .containsExactly(digest(5), digest(4), digest(1));
        service.reconcile("pinned");
        assertThat(currentDigest("pinned", "golden")).isEqualTo(digest(1));
    }

    @Test
    public void shouldKeepEntriesYoungerThanMaxAge() {
        fixture.define(new ImageStream(
                "app",
                "",
                List.of(registryTag("3.6", "registry.example.com/team/app:3.6")),
                ImageStream.DEFAULT_INTERVAL,
                new HistoryRetention(1, Duration.ofMinutes(60)),
                false));
        fixture.imported("app", "3.6", digest(1));
        fixture.clock.advance(Duration.ofMinutes(90));
        fixture.imported("app", "3.6", digest(2));
        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.imported("app", "3.6", digest(3));

        assertThat(service.history("app", "3.6")).extracting(TagEvent::digest).containsExactly(digest(3), digest(2));
    }

    @Test
    public void shouldMakeImportNowIdempotentUntilObserved() {
        long first = service.requestImport("app", "3.6");
        long second = service.requestImport("app", "3.6");

        assertThat(second).isEqualTo(first);
        assertThat(service.tagStatus("app", "3.6").orElseThrow().importPending())
                .isTrue();

        service.applyImport(
                "app",
                "3.6",
                new ImportOutcome.Resolved(
                        digest(1), "r/app@" + digest(1), java.util.Map.of(), TagEventCause.MANUAL, "dave", first));

        assertThat(service.tagStatus("app", "3.6").orElseThrow().importPending())
                .isFalse();
        assertThat(service.requestImport("app", "3.6")).isEqualTo(first + 1);
    }

    @Test
    public void shouldArchiveTagRemovedFromSpec() {
        fixture.imported("app", "3.6", digest(1));
        service.reconcile("app");
        fixture.define(ImageStream.of("app", List.of(registryTag("3.7", "registry.example.com/team/app:3.7"))));

        service.reconcile("app");

        assertThat(service.status("app").tag("3.6")).isEmpty();
        assertThat(service.status("app").archived())
                .singleElement()
                .satisfies(h -> assertThat(h.current().orElseThrow().digest()).isEqualTo(digest(1)));
    }
}
