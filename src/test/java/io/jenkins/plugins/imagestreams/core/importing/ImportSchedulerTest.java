package io.jenkins.plugins.imagestreams.core.importing;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.ImportPolicy;
import io.jenkins.plugins.imagestreams.core.model.TagCondition;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import io.jenkins.plugins.imagestreams.core.model.TagHistory;
import io.jenkins.plugins.imagestreams.core.model.TagReference;
import io.jenkins.plugins.imagestreams.core.model.TagSource;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.registry.ResolvedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.Test;

/** The scheduler's decisions, one rule per test, with a fixed clock. */
public class ImportSchedulerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant NOW = CLOCK.instant();
    private static final TagReference TAG = registryTag("1", "registry.example.com/team/app:1");
    private static final ImageStream STREAM = ImageStream.of("app", List.of(TAG));

    private final ImportScheduler scheduler = new ImportScheduler(SchedulerPolicy.DEFAULT);

    private static Optional<TagHistory> imported() {
        TagEvent event = new TagEvent(
                NOW.minus(Duration.ofDays(1)),
                digest(1),
                "registry.example.com/team/app@" + digest(1),
                1,
                TagEventCause.POLL,
                TagEvent.SYSTEM,
                Map.of());
        return Optional.of(TagHistory.empty("1").record(event));
    }

    private static Optional<TagHistory> importRequested() {
        TagHistory history = imported().orElseThrow();
        return Optional.of(history.with(
                history.generation(), 1, 0, history.lastImportedDigest(), history.observedSpec(), history.aliasOf()));
    }

    private static ImportRecord attemptedAt(final Instant at) {
        return ImportRecord.success(at, Optional.empty(), OptionalInt.empty());
    }

    private ImportDecision decide(final Optional<TagHistory> status, final ImportRecord last) {
        return scheduler.decide(STREAM, TAG, status, last, NOW);
    }

    @Test
    public void shouldBeDueAtOnceWhenNoAttemptIsKnown() {
        assertThat(decide(Optional.empty(), ImportRecord.NONE))
                .satisfies(d -> assertThat(d.due()).isTrue())
                .satisfies(d -> assertThat(d.reason()).isEqualTo(ImportReason.FIRST_ATTEMPT))
                .satisfies(d -> assertThat(d.nextDelay()).isZero());
    }

    @Test
    public void shouldWaitForNextSlotAfterImportInCurrentSlot() {
        Instant slot = ImportScheduler.latestSlot(STREAM, "1", NOW);

        ImportDecision decision = decide(imported(), attemptedAt(slot.plusSeconds(1)));

        assertThat(decision.due()).isFalse();
        assertThat(decision.reason()).isEqualTo(ImportReason.NOT_YET);
        assertThat(decision.nextDelay()).isEqualTo(Duration.between(NOW, slot.plus(ImageStream.DEFAULT_INTERVAL)));
        assertThat(decision.nextDelay()).isLessThanOrEqualTo(ImageStream.DEFAULT_INTERVAL);
    }

    @Test
    public void shouldBeDueWhenLastAttemptPrecedesLatestSlot() {
        Instant slot = ImportScheduler.latestSlot(STREAM, "1", NOW);

        ImportDecision decision = decide(imported(), attemptedAt(slot.minusMillis(1)));

        assertThat(decision.due()).isTrue();
        assertThat(decision.reason()).isEqualTo(ImportReason.DUE);
        assertThat(decision.dueAt()).isEqualTo(slot);
    }

    @Test
    public void shouldBeDueExactlyOncePerIntervalOverADay() {
        ImportRecord last = attemptedAt(NOW);
        int imports = 0;
        for (Instant t = NOW; t.isBefore(NOW.plus(Duration.ofDays(1))); t = t.plusSeconds(10)) {
            if (scheduler.decide(STREAM, TAG, imported(), last, t).due()) {
                imports++;
                last = attemptedAt(t);
            }
        }

        assertThat(imports).isEqualTo(24 * 4);
    }

    @Test
    public void shouldUseTheStreamsOwnInterval() {
        ImageStream hourly =
                new ImageStream("app", "", List.of(TAG), Duration.ofHours(1), HistoryRetention.DEFAULT, false);
        Instant slot = ImportScheduler.latestSlot(hourly, "1", NOW);

        ImportDecision decision = scheduler.decide(hourly, TAG, imported(), attemptedAt(slot), NOW);

        assertThat(decision.reason()).isEqualTo(ImportReason.NOT_YET);
        assertThat(decision.nextDelay()).isEqualTo(Duration.between(NOW, slot.plus(Duration.ofHours(1))));
    }

    @Test
    public void shouldSpreadTagsEvenlyOverTheInterval() {
        int[] perMinute = new int[15];
        IntStream.range(0, 1500).forEach(i -> {
            Duration offset = ImportScheduler.offset("stream-" + (i % 50), "tag-" + i, ImageStream.DEFAULT_INTERVAL);
            perMinute[(int) offset.toMinutes()]++;
        });

        assertThat(java.util.Arrays.stream(perMinute).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(60, 140));
    }

    @Test
    public void shouldComputeJitterDeterministically() {
        Duration first = ImportScheduler.offset("app", "1", ImageStream.DEFAULT_INTERVAL);

        assertThat(ImportScheduler.offset("app", "1", ImageStream.DEFAULT_INTERVAL))
                .isEqualTo(first);
        assertThat(ImportScheduler.offset("app", "2", ImageStream.DEFAULT_INTERVAL))
                .isNotEqualTo(first);
        assertThat(first).isBetween(Duration.ZERO, ImageStream.DEFAULT_INTERVAL.minusMillis(1));
    }

    @Test
    public void shouldGrowBackoffExponentiallyUpToTheCap() {
        SchedulerPolicy policy = SchedulerPolicy.DEFAULT;

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(policy::backoff).toList())
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(16),
                        Duration.ofMinutes(32),
                        Duration.ofHours(1),
                        Duration.ofHours(1));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    public void shouldBackOffAfterConsecutiveFailures() {
        ImportRecord threeFailures = ImportRecord.NONE
                .failed(NOW.minusSeconds(200), Optional.empty())
                .failed(NOW.minusSeconds(100), Optional.empty())
                .failed(NOW.minusSeconds(60), Optional.empty());

        ImportDecision waiting = decide(imported(), threeFailures);
        ImportDecision later = scheduler.decide(STREAM, TAG, imported(), threeFailures, NOW.plusSeconds(60));

        assertThat(waiting.reason()).isEqualTo(ImportReason.BACKOFF);
        assertThat(waiting.nextDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(later.due()).isTrue();
        assertThat(later.reason()).isEqualTo(ImportReason.RETRY);
    }

    @Test
    public void shouldWaitAtLeastRetryAfterEvenWhenBackoffIsShorter() {
        ImportRecord limited = ImportRecord.NONE.failed(NOW.minusSeconds(60), Optional.of(NOW.plusSeconds(300)));

        ImportDecision decision = decide(imported(), limited);

        assertThat(decision.reason()).isEqualTo(ImportReason.RATE_LIMITED);
        assertThat(decision.nextDelay()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    public void shouldHonourPersistedRetryAfterWithNoRecordInMemory() {
        TagCondition limited = TagCondition.failure(
                ConditionReason.RateLimited, "429", NOW.minusSeconds(10), Optional.of(NOW.plusSeconds(120)));
        Optional<TagHistory> status = imported().map(h -> h.withCondition(limited));

        ImportDecision decision = decide(status, ImportRecord.NONE);

        assertThat(decision.reason()).isEqualTo(ImportReason.RATE_LIMITED);
        assertThat(decision.nextDelay()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    public void shouldPauseAfterLowRateLimitRemaining() {
        ResolvedImage low = new ResolvedImage(
                digest(1),
                "application/vnd.oci.image.manifest.v1+json",
                Map.of(),
                true,
                OptionalInt.of(3),
                Optional.empty());
        ResolvedImage plenty = new ResolvedImage(
                digest(1),
                "application/vnd.oci.image.manifest.v1+json",
                Map.of(),
                true,
                OptionalInt.of(90),
                Optional.empty());

        ImportRecord afterLow = scheduler.afterSuccess(NOW, low);
        ImportRecord afterPlenty = scheduler.afterSuccess(NOW, plenty);

        assertThat(afterLow.notBefore()).contains(NOW.plus(SchedulerPolicy.DEFAULT.lowRemainingPause()));
        assertThat(afterPlenty.notBefore()).isEmpty();
        assertThat(scheduler
                        .decide(STREAM, TAG, importRequested(), afterLow, NOW.plusSeconds(1))
                        .reason())
                .isEqualTo(ImportReason.RATE_LIMITED);
    }

    @Test
    public void shouldRecordRetryAfterOfAFailure() {
        RegistryException limited =
                new RegistryException(ConditionReason.RateLimited, "429", Optional.of(NOW.plusSeconds(30)));

        ImportRecord after = scheduler.afterFailure(ImportRecord.NONE, NOW, limited);

        assertThat(after.consecutiveFailures()).isEqualTo(1);
        assertThat(after.notBefore()).contains(NOW.plusSeconds(30));
    }

    @Test
    public void shouldSkipPausedStreamEvenWhenImportWasRequested() {
        ImageStream paused =
                new ImageStream("app", "", List.of(TAG), ImageStream.DEFAULT_INTERVAL, HistoryRetention.DEFAULT, true);

        ImportDecision decision = scheduler.decide(paused, TAG, importRequested(), ImportRecord.NONE, NOW);

        assertThat(decision.due()).isFalse();
        assertThat(decision.reason()).isEqualTo(ImportReason.PAUSED);
    }

    @Test
    public void shouldBypassIntervalAndBackoffForImportNow() {
        ImportRecord justFailed = ImportRecord.NONE.failed(NOW.minusSeconds(1), Optional.empty());

        assertThat(decide(importRequested(), attemptedAt(NOW.minusSeconds(1))).reason())
                .isEqualTo(ImportReason.IMPORT_REQUESTED);
        assertThat(decide(importRequested(), justFailed))
                .satisfies(d -> assertThat(d.due()).isTrue())
                .satisfies(d -> assertThat(d.reason()).isEqualTo(ImportReason.IMPORT_REQUESTED));
    }

    @Test
    public void shouldNotBypassRetryAfterForImportNow() {
        ImportRecord limited = ImportRecord.NONE.failed(NOW.minusSeconds(1), Optional.of(NOW.plusSeconds(60)));

        assertThat(decide(importRequested(), limited).reason()).isEqualTo(ImportReason.RATE_LIMITED);
    }

    @Test
    public void shouldNotScheduleAliasesCopiesAndPins() {
        List<TagReference> free = List.of(
                TagReference.of("latest", new TagSource.Alias("1")),
                TagReference.of("copy", new TagSource.StreamTag("other", "1")),
                new TagReference(
                        "pinned",
                        TagSource.RegistryImage.parse("registry.example.com/team/app@" + digest(3)),
                        ImportPolicy.DEFAULT.withScheduled(true)));

        assertThat(free)
                .allSatisfy(tag -> assertThat(scheduler
                                .decide(STREAM, tag, Optional.empty(), ImportRecord.NONE, NOW)
                                .reason())
                        .isEqualTo(ImportReason.NOT_SCHEDULED));
    }

    @Test
    public void shouldImportUnscheduledRegistryTagOnlyUntilItHasADigest() {
        TagReference once = TagReference.of("1", TagSource.RegistryImage.parse("registry.example.com/team/app:1"));

        assertThat(scheduler
                        .decide(STREAM, once, Optional.empty(), ImportRecord.NONE, NOW)
                        .reason())
                .isEqualTo(ImportReason.FIRST_ATTEMPT);
        assertThat(scheduler
                        .decide(STREAM, once, imported(), ImportRecord.NONE, NOW)
                        .reason())
                .isEqualTo(ImportReason.NOT_SCHEDULED);
    }
}
