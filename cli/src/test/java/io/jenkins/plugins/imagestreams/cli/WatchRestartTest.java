package io.jenkins.plugins.imagestreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.spec.StreamsSpec;
import io.jenkins.plugins.imagestreams.core.triggering.FirstRunPolicy;
import io.jenkins.plugins.imagestreams.core.triggering.SubscriptionStore;
import io.jenkins.plugins.imagestreams.core.triggering.TriggerPolicy;
import io.jenkins.plugins.imagestreams.registry.jib.JibRegistryClient;
import io.jenkins.plugins.imagestreams.testing.registry.LocalRegistry;
import io.jenkins.plugins.imagestreams.testing.registry.ManifestFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A watch that dies in the middle of reporting a fire, and restarts on the same state directory, neither repeats the
 * fire nor loses it: at each point of the triggerer's persist, schedule (journal), confirm sequence.
 */
public class WatchRestartTest {
    @ClassRule
    public static LocalRegistry registry = LocalRegistry.plain();

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final List<String> events = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    public void shouldNotRepeatAFireThatReachedTheJournalBeforeTheCrash() throws Exception {
        List<String> reported = moveAndCrash("restart/journaled", CrashingSubscriptionStore.Point.BEFORE_CONFIRMING);

        assertThat(reported).containsExactlyElementsOf(expectedAfterMove());
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("crash before confirming the fire of deploy"));
    }

    @Test
    public void shouldNotLoseAFireThatWasOnlyPersistedBeforeTheCrash() throws Exception {
        List<String> reported =
                moveAndCrash("restart/pending", CrashingSubscriptionStore.Point.AFTER_PERSISTING_PENDING);

        assertThat(reported).containsExactlyInAnyOrderElementsOf(expectedAfterMove());
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("crash after persisting the pending state of deploy"));
    }

    private String first;
    private String moved;

    /** Baseline, move the tag, a watch that crashes at {@code point}, a restart; returns the events after the move. */
    private List<String> moveAndCrash(final String repository, final CrashingSubscriptionStore.Point point)
            throws Exception {
        first = registry.pushImage(repository, "v1", ManifestFormat.OCI_MANIFEST);
        Path file = StreamFiles.on(registry.hostAndPort()).stream("app")
                .registryTag("v1", repository + ":v1", "downstreamJobs: \"deploy, team/smoke\"")
                .writeTo(temp.newFile().toPath());
        StreamsSpec spec = SpecFile.require(
                file,
                new JcascVariables(java.util.Map.of(), new java.util.Properties()),
                new java.io.PrintWriter(System.err, true));
        Path state = temp.newFolder().toPath();
        runOnce(spec, state, UnaryOperator.identity());
        events.clear();

        moved = registry.moveTag(repository, "v1", ManifestFormat.OCI_MANIFEST);
        runOnce(spec, state, store -> new CrashingSubscriptionStore(store, point));
        runOnce(spec, state, UnaryOperator.identity());
        runOnce(spec, state, UnaryOperator.identity());
        return WatchEventsReader.summaries(String.join("\n", events));
    }

    private List<String> expectedAfterMove() {
        return List.of(
                "tagMoved app:v1 " + first + " -> " + moved,
                "subscriptionWouldFire deploy app:v1 " + first + " -> " + moved,
                "subscriptionWouldFire team/smoke app:v1 " + first + " -> " + moved);
    }

    private void runOnce(final StreamsSpec spec, final Path state, final UnaryOperator<SubscriptionStore> stores)
            throws InterruptedException {
        TriggerPolicy policy =
                new TriggerPolicy(FirstRunPolicy.WAIT_FOR_CHANGE, Duration.ZERO, Duration.ZERO, Duration.ZERO, 20);
        try (Watcher watcher = new Watcher(
                spec,
                new Watcher.Settings(state, Duration.ofSeconds(10), policy),
                new JibRegistryClient(),
                CredentialsResolver.NONE,
                Clock.systemUTC(),
                events::add,
                warnings::add,
                stores)) {
            watcher.requestImports();
            watcher.cycle();
        }
    }
}
