package io.jenkins.plugins.imagestreams.core.triggering;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Test;

/** What happens to subscription states when a job is built by hand, renamed or deleted. */
public class TriggererJobLifecycleTest {
    private final TriggererFixture fixture = new TriggererFixture();
    private final RecordingBuildScheduler scheduler = fixture.scheduler;
    private final List<TriggerCause> jobRecord = new ArrayList<>();

    @Before
    public void defineStreams() {
        fixture.defineStream("app", "1", "2");
        fixture.streams.imported("app", "1", digest(1));
    }

    private void move(final int n) {
        fixture.streams.imported("app", "1", digest(n));
    }

    private Triggerer triggerer() {
        return fixture.triggerer(TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE));
    }

    @Test
    public void shouldNotTriggerTheDigestThatAManualBuildRecorded() {
        fixture.subscribe("build", "app", "1");
        Triggerer triggerer = triggerer();
        triggerer.evaluate();
        move(2);

        List<TriggerCause> used = triggerer.recordBuild("build", jobRecord::addAll);
        TriggerReport afterManual = triggerer.evaluate();
        move(3);
        TriggerReport afterMove = triggerer.evaluate();

        assertThat(used).isEqualTo(jobRecord).singleElement().satisfies(c -> {
            assertThat(c.previousDigest()).contains(digest(1));
            assertThat(c.digest()).isEqualTo(digest(2));
            assertThat(c.pullSpec()).isEqualTo("registry.example.com/team/app@" + digest(2));
        });
        assertThat(afterManual.scheduled()).isEmpty();
        assertThat(afterManual.with(TriggerReason.NO_CHANGE)).hasSize(1);
        assertThat(afterMove.scheduled())
                .singleElement()
                .satisfies(r -> assertThat(r.causes().get(0).previousDigest()).contains(digest(2)));
    }

    @Test
    public void shouldRecordNothingForAJobWithoutSubscribedDigests() {
        fixture.subscribe("build", "app", "2");

        assertThat(triggerer().recordBuild("build", jobRecord::addAll)).isEmpty();
        assertThat(triggerer().recordBuild("unsubscribed", jobRecord::addAll)).isEmpty();
        assertThat(jobRecord).isEmpty();
        assertThat(fixture.store.load("build")).isEmpty();
    }

    @Test
    public void shouldNotDuplicateAfterACrashBetweenTheJobRecordAndTheState() {
        fixture.subscribe("build", "app", "1");
        triggerer().evaluate();
        move(2);
        Crash crash = new Crash();
        crash.arm(1);
        Triggerer crashing = new Triggerer(
                fixture.streams.service,
                () -> List.copyOf(fixture.streams.specs),
                () -> List.copyOf(fixture.subscriptions),
                CrashingStores.subscriptions(fixture.store, crash),
                scheduler,
                TriggererFixture.immediate(FirstRunPolicy.WAIT_FOR_CHANGE),
                fixture.streams.clock);

        assertThatThrownBy(() -> crashing.recordBuild(
                        "build", used -> used.forEach(c -> scheduler.builtManually("build", "app", "1", c.digest()))))
                .isInstanceOf(Crash.CrashException.class);
        TriggerReport restarted = triggerer().evaluate();

        assertThat(restarted.with(TriggerReason.ALREADY_SCHEDULED)).hasSize(1);
        assertThat(scheduler.requests()).isEmpty();
        assertThat(triggerer().evaluate().with(TriggerReason.NO_CHANGE)).hasSize(1);
    }

    @Test
    public void shouldKeepTheStatesOfARenamedJob() {
        fixture.subscribe("team/build", "app", "1");
        Triggerer triggerer = triggerer();
        triggerer.evaluate();
        move(2);
        triggerer.evaluate();

        fixture.subscriptions.clear();
        fixture.subscribe("platform/build", "app", "1");
        triggerer.jobRenamed("team/build", "platform/build");
        TriggerReport afterRename = triggerer.evaluate();
        move(3);
        TriggerReport afterMove = triggerer.evaluate();

        assertThat(afterRename.with(TriggerReason.NO_CHANGE)).hasSize(1);
        assertThat(afterRename.with(TriggerReason.BASELINE)).isEmpty();
        assertThat(fixture.store.load("team/build")).isEmpty();
        assertThat(afterMove.scheduled()).singleElement().satisfies(r -> {
            assertThat(r.jobFullName()).isEqualTo("platform/build");
            assertThat(r.causes().get(0).previousDigest()).contains(digest(2));
        });
        assertThat(scheduler.requests()).hasSize(2);
    }

    @Test
    public void shouldForgetADeletedJobSoThatANewJobOfTheSameNameStartsAfresh() {
        fixture.subscribe("build", "app", "1");
        Triggerer triggerer = triggerer();
        triggerer.evaluate();
        move(2);
        triggerer.evaluate();

        triggerer.jobDeleted("build");
        TriggerReport recreated = triggerer.evaluate();

        assertThat(recreated.with(TriggerReason.BASELINE)).hasSize(1);
        assertThat(recreated.scheduled()).isEmpty();
    }
}
