package io.jenkins.plugins.imagestreams.core.triggering;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.ImportOutcome;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.image.Platform;
import io.jenkins.plugins.imagestreams.core.model.HistoryRetention;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEventCause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;

/** The triggerer's rules: first run, change, cool-down, pause, platforms, coalescing, throttling, idempotence. */
public class TriggererTest {
    private final TriggererFixture fixture = new TriggererFixture();
    private final RecordingBuildScheduler scheduler = fixture.scheduler;

    @Before
    public void defineStreams() {
        fixture.defineStream("app", "1", "2");
        fixture.defineStream("base", "jdk");
        fixture.streams.imported("app", "1", digest(1));
    }

    private void move(final String stream, final String tag, final int n) {
        fixture.streams.imported(stream, tag, digest(n));
    }

    private void advance(final Duration duration) {
        fixture.streams.clock.advance(duration);
    }

    @Test
    public void shouldRecordBaselineAndWaitForChangeByDefault() {
        fixture.subscribe("build", "app", "1");
        Triggerer triggerer = fixture.triggerer(TriggererFixture.immediate(TriggerPolicy.DEFAULT.firstRun()));

        TriggerReport first = triggerer.evaluate();
        move("app", "1", 2);
        TriggerReport second = triggerer.evaluate();
        TriggerReport third = triggerer.evaluate();

        assertThat(first.with(TriggerReason.BASELINE)).hasSize(1);
        assertThat(first.scheduled()).isEmpty();
        assertThat(second.scheduled()).singleElement().satisfies(r -> {
            assertThat(r.jobFullName()).isEqualTo("build");
            assertThat(r.causes()).singleElement().satisfies(c -> {
                assertThat(c.previousDigest()).contains(digest(1));
                assertThat(c.digest()).isEqualTo(digest(2));
                assertThat(c.pullSpec()).isEqualTo("registry.example.com/team/app@" + digest(2));
                assertThat(c.source()).isEqualTo(TagEventCause.POLL);
            });
        });
        assertThat(third.scheduled()).isEmpty();
        assertThat(third.with(TriggerReason.NO_CHANGE)).hasSize(1);
        assertThat(fixture.store.load("build").get(new SubscriptionKey("build", "app", "1")))
                .satisfies(s -> assertThat(s.lastTriggeredDigest()).contains(digest(2)))
                .satisfies(s -> assertThat(s.confirmed()).isTrue());
    }

    @Test
    public void shouldFireOnSubscribeWhenThePolicySaysSo() {
        fixture.subscribe("build", "app", "1");
        fixture.subscribe("build2", "app", "2");

        TriggerReport report = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.FIRE_ON_SUBSCRIBE))
                .evaluate();

        assertThat(report.scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes().get(0).previousDigest()).isEmpty());
        assertThat(report.with(TriggerReason.FIRST_RUN)).hasSize(1);
        assertThat(report.with(TriggerReason.NO_DIGEST)).hasSize(1);
    }

    @Test
    public void shouldFireForTheFirstDigestOfATagThatHadNone() {
        fixture.subscribe("build", "app", "2");
        Triggerer triggerer = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
        triggerer.evaluate();

        move("app", "2", 5);

        assertThat(triggerer.evaluate().scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes().get(0).previousDigest()).isEmpty());
    }

    @Test
    public void shouldWaitForTheCooldownSinceTheDigestWasFirstSeen() {
        fixture.subscribe("build", "app", "1");
        TriggerPolicy policy = new TriggerPolicy(
                FirstRunPolicy.WAIT_FOR_CHANGE, Duration.ofMinutes(5), Duration.ZERO, Duration.ZERO, 100);
        Triggerer triggerer = fixture.triggerer(policy);
        triggerer.evaluate();
        move("app", "1", 2);
        advance(Duration.ofMinutes(2));

        TriggerReport cooling = triggerer.evaluate();
        advance(Duration.ofMinutes(3));
        TriggerReport fired = triggerer.evaluate();

        assertThat(cooling.with(TriggerReason.COOLING_DOWN))
                .singleElement()
                .satisfies(o -> assertThat(o.decision().nextDelay()).isEqualTo(Duration.ofMinutes(3)));
        assertThat(cooling.nextDelay()).contains(Duration.ofMinutes(3));
        assertThat(fired.scheduled()).hasSize(1);
    }

    @Test
    public void shouldNotFireWhileTheStreamIsPausedAndFireAfter() {
        fixture.subscribe("build", "app", "1");
        Triggerer triggerer = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
        triggerer.evaluate();
        move("app", "1", 2);
        ImageStream app = fixture.streams.specs.stream()
                .filter(s -> s.name().equals("app"))
                .findFirst()
                .orElseThrow();
        fixture.streams.define(
                new ImageStream("app", "", app.tags(), app.importInterval(), HistoryRetention.DEFAULT, true));

        TriggerReport paused = triggerer.evaluate();
        fixture.streams.define(app);
        TriggerReport resumed = triggerer.evaluate();

        assertThat(paused.with(TriggerReason.PAUSED)).hasSize(1);
        assertThat(paused.scheduled()).isEmpty();
        assertThat(resumed.scheduled()).hasSize(1);
    }

    @Test
    public void shouldIgnoreIndexMovesThatLeaveTheSelectedPlatformsUnchanged() {
        fixture.subscriptions.add(new Subscription("build", "app", "2", List.of(Platform.parse("linux/amd64"))));
        Triggerer triggerer = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
        importIndex(10, Map.of("linux/amd64", digest(11), "linux/arm64", digest(12)));
        triggerer.evaluate();

        importIndex(20, Map.of("linux/amd64", digest(11), "linux/arm64", digest(22)));
        TriggerReport armOnly = triggerer.evaluate();
        importIndex(30, Map.of("linux/amd64", digest(31), "linux/arm64", digest(22)));
        TriggerReport amd64 = triggerer.evaluate();

        assertThat(armOnly.with(TriggerReason.PLATFORMS_UNCHANGED)).hasSize(1);
        assertThat(armOnly.scheduled()).isEmpty();
        assertThat(amd64.scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes().get(0))
                        .satisfies(c -> assertThat(c.previousDigest()).contains(digest(10)))
                        .satisfies(c -> assertThat(c.digest()).isEqualTo(digest(30))));
    }

    private void importIndex(final int n, final Map<String, Digest> platforms) {
        fixture.streams.service.applyImport(
                "app",
                "2",
                new ImportOutcome.Resolved(
                        digest(n),
                        "registry.example.com/team/app@" + digest(n),
                        platforms,
                        TagEventCause.POLL,
                        "SYSTEM",
                        0));
    }

    @Test
    public void shouldCoalesceChangesOfOneJobWithinTheQuietPeriodIntoOneRequest() {
        fixture.streams.imported("base", "jdk", digest(40));
        fixture.subscribe("build", "app", "1");
        fixture.subscribe("build", "base", "jdk");
        TriggerPolicy policy = new TriggerPolicy(
                FirstRunPolicy.WAIT_FOR_CHANGE, Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(5), 100);
        Triggerer triggerer = fixture.triggerer(policy);
        triggerer.evaluate();

        move("app", "1", 2);
        advance(Duration.ofSeconds(20));
        move("base", "jdk", 41);
        TriggerReport quiet = triggerer.evaluate();
        advance(Duration.ofSeconds(29));
        TriggerReport stillQuiet = triggerer.evaluate();
        advance(Duration.ofSeconds(1));
        TriggerReport fired = triggerer.evaluate();

        assertThat(quiet.with(TriggerReason.QUIET_PERIOD)).hasSize(2);
        assertThat(stillQuiet.scheduled()).isEmpty();
        assertThat(fired.scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes())
                        .extracting(TriggerCause::stream, TriggerCause::digest)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("app", digest(2)),
                                org.assertj.core.groups.Tuple.tuple("base", digest(41))));
        assertThat(scheduler.requests()).hasSize(1);
    }

    @Test
    public void shouldStaggerAStormOfDownstreamRunsWithoutDroppingAny() {
        for (int i = 0; i < 5; i++) {
            fixture.subscribe("job-" + i, "app", "1");
        }
        TriggerPolicy policy =
                new TriggerPolicy(FirstRunPolicy.WAIT_FOR_CHANGE, Duration.ZERO, Duration.ZERO, Duration.ZERO, 2);
        Triggerer triggerer = fixture.triggerer(policy);
        triggerer.evaluate();
        move("app", "1", 2);

        TriggerReport first = triggerer.evaluate();
        advance(Duration.ofSeconds(30));
        TriggerReport within = triggerer.evaluate();
        advance(Duration.ofSeconds(30));
        TriggerReport second = triggerer.evaluate();
        advance(Duration.ofSeconds(60));
        TriggerReport third = triggerer.evaluate();

        assertThat(first.scheduled()).hasSize(2);
        assertThat(first.with(TriggerReason.STAGGERED))
                .hasSize(3)
                .allSatisfy(o -> assertThat(o.decision().nextDelay()).isEqualTo(Duration.ofMinutes(1)));
        assertThat(within.scheduled()).isEmpty();
        assertThat(second.scheduled()).hasSize(2);
        assertThat(third.scheduled()).hasSize(1);
        assertThat(scheduler.requests())
                .extracting(TriggerRequest::jobFullName)
                .containsExactlyInAnyOrder("job-0", "job-1", "job-2", "job-3", "job-4");
    }

    @Test
    public void shouldNotScheduleADigestTheJobAlreadyBuilt() {
        fixture.subscribe("build", "app", "1");
        Triggerer triggerer = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
        triggerer.evaluate();
        move("app", "1", 2);
        scheduler.builtManually("build", "app", "1", digest(2));

        TriggerReport report = triggerer.evaluate();

        assertThat(report.with(TriggerReason.ALREADY_SCHEDULED)).hasSize(1);
        assertThat(scheduler.requests()).isEmpty();
        assertThat(triggerer.evaluate().with(TriggerReason.NO_CHANGE)).hasSize(1);
    }

    @Test
    public void shouldRetryARefusedJobAtTheNextEvaluation() {
        fixture.subscribe("build", "app", "1");
        Triggerer triggerer = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
        triggerer.evaluate();
        move("app", "1", 2);
        scheduler.refuse("build", true);

        TriggerReport refused = triggerer.evaluate();
        scheduler.refuse("build", false);
        TriggerReport accepted = triggerer.evaluate();

        assertThat(refused.with(TriggerReason.REFUSED)).hasSize(1);
        assertThat(accepted.scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes().get(0).previousDigest()).contains(digest(1)));
        assertThat(triggerer.evaluate().scheduled()).isEmpty();
    }

    @Test
    public void shouldRescheduleAfterACrashBetweenPersistAndSchedule() {
        fixture.subscribe("build", "app", "1");
        fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE))
                .evaluate();
        move("app", "1", 2);
        scheduler.hooks(
                () -> {
                    throw new IllegalStateException("crash before the queue item exists");
                },
                () -> {});

        TriggerReport crashed = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE))
                .evaluate();
        scheduler.hooks(() -> {}, () -> {});
        TriggerReport restarted = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE))
                .evaluate();

        assertThat(crashed.failures()).hasSize(1);
        assertThat(restarted.scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes().get(0).previousDigest()).contains(digest(1)));
        assertThat(scheduler.requests()).hasSize(1);
    }

    @Test
    public void shouldConfirmWithoutReschedulingAfterACrashBetweenScheduleAndConfirm() {
        fixture.subscribe("build", "app", "1");
        fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE))
                .evaluate();
        move("app", "1", 2);
        scheduler.hooks(() -> {}, () -> {
            throw new IllegalStateException("crash after the queue item exists");
        });

        fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE))
                .evaluate();
        scheduler.hooks(() -> {}, () -> {});
        TriggerReport restarted = fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE))
                .evaluate();

        assertThat(restarted.scheduled()).isEmpty();
        assertThat(scheduler.requests()).hasSize(1);
        assertThat(fixture.store.load("build").values())
                .singleElement()
                .satisfies(s -> assertThat(s.confirmed()).isTrue())
                .satisfies(s -> assertThat(s.lastTriggeredDigest()).contains(digest(2)));
    }

    @Test
    public void shouldReportUnknownStreams() {
        fixture.subscribe("build", "gone", "1");

        TriggerReport report = fixture.triggerer(TriggerPolicy.DEFAULT).evaluate();

        assertThat(report.with(TriggerReason.UNKNOWN_STREAM)).hasSize(1);
        assertThat(Optional.of(report.scheduled())).contains(List.of());
    }
}
