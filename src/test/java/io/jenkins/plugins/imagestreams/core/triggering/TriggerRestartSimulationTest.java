package io.jenkins.plugins.imagestreams.core.triggering;

import static io.jenkins.plugins.imagestreams.core.StreamFixture.registryTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.imagestreams.core.ImageStreams;
import io.jenkins.plugins.imagestreams.core.MutableClock;
import io.jenkins.plugins.imagestreams.core.StreamFixture;
import io.jenkins.plugins.imagestreams.core.image.Digest;
import io.jenkins.plugins.imagestreams.core.importing.CredentialsResolver;
import io.jenkins.plugins.imagestreams.core.importing.FakeRegistry;
import io.jenkins.plugins.imagestreams.core.importing.ImportSettings;
import io.jenkins.plugins.imagestreams.core.importing.Importer;
import io.jenkins.plugins.imagestreams.core.importing.ImporterFixture;
import io.jenkins.plugins.imagestreams.core.model.ConditionReason;
import io.jenkins.plugins.imagestreams.core.model.ImageStream;
import io.jenkins.plugins.imagestreams.core.model.TagEvent;
import io.jenkins.plugins.imagestreams.core.registry.RegistryException;
import io.jenkins.plugins.imagestreams.core.store.InMemoryStatusStore;
import io.jenkins.plugins.imagestreams.core.store.StatusStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * Restart simulation: over 1,000 seeded random interleavings of registry moves, import cycles, trigger
 * evaluations, "import now" requests and registry failures (503), the process crashes at a random fault point (before or after a status
 * write, a subscription write, or the scheduling of a build) and every core object is rebuilt from the stores.
 * After the world settles, every subscription's job has been scheduled for its tag's current digest (0 lost),
 * and no digest was scheduled twice for the same job and tag (0 duplicates).
 */
public class TriggerRestartSimulationTest {
    private static final int SEEDS = 1_000;
    private static final int STEPS = 40;
    private static final List<String> TAGS = List.of("a:1", "a:2", "b:x");
    private static final List<Subscription> SUBSCRIPTIONS = List.of(
            Subscription.of("job1", "a", "1"),
            Subscription.of("job1", "b", "x"),
            Subscription.of("job2", "a", "1"),
            Subscription.of("job2", "a", "latest"),
            Subscription.of("job3", "a", "2"));
    private static final TriggerPolicy POLICY = new TriggerPolicy(
            FirstRunPolicy.WAIT_FOR_CHANGE, Duration.ZERO, Duration.ofSeconds(20), Duration.ofMinutes(2), 2);
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor();

    @AfterClass
    public static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    /** The durable world: registry, stores and the jobs' own record survive crashes; the engines do not. */
    private static final class World {
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        final Crash crash = new Crash();
        final FakeRegistry registry = new FakeRegistry(clock);
        final StatusStore statusStore = CrashingStores.status(new InMemoryStatusStore(), crash);
        final SubscriptionStore subscriptionStore =
                CrashingStores.subscriptions(new InMemorySubscriptionStore(), crash);
        final RecordingBuildScheduler scheduler = new RecordingBuildScheduler();
        final List<ImageStream> specs = List.of(
                ImageStream.of(
                        "a",
                        List.of(
                                registryTag("1", "registry.example.com/team/a:1"),
                                registryTag("2", "registry.example.com/team/a:2"),
                                io.jenkins.plugins.imagestreams.core.model.TagReference.of(
                                        "latest",
                                        new io.jenkins.plugins.imagestreams.core.model.TagSource.Alias("1")))),
                ImageStream.of("b", List.of(registryTag("x", "registry.example.com/team/b:x"))));
        int nextDigest = 1;
        ImageStreams service;
        Importer importer;
        Triggerer triggerer;

        World() {
            scheduler.hooks(
                    () -> crash.point("schedule, before queue item"), () -> crash.point("schedule, after queue item"));
            TAGS.forEach(this::move);
            start();
        }

        void start() {
            crash.restart();
            service = new ImageStreams(() -> specs, statusStore, clock, ImageStreams.ProtectedDigests.NONE);
            importer = new Importer(
                    service,
                    () -> specs,
                    registry,
                    CredentialsResolver.NONE,
                    ImportSettings.DEFAULT.withCaps(ImporterFixture.LIFTED),
                    clock,
                    clock::advance);
            triggerer = new Triggerer(
                    service, () -> specs, () -> SUBSCRIPTIONS, subscriptionStore, scheduler, POLICY, clock);
        }

        void move(final String tag) {
            registry.put("registry.example.com/team/" + tag, StreamFixture.digest(nextDigest++));
        }

        void importCycle() {
            try {
                importer.runCycle(EXECUTOR);
            } catch (RuntimeException | InterruptedException e) {
                assertThat(crash.crashed())
                        .as("only simulated crashes fail a cycle: %s", e)
                        .isTrue();
            }
            restartIfCrashed();
        }

        void evaluate() {
            try {
                triggerer.evaluate();
            } catch (RuntimeException e) {
                assertThat(crash.crashed())
                        .as("only simulated crashes fail an evaluation: %s", e)
                        .isTrue();
            }
            restartIfCrashed();
        }

        void restartIfCrashed() {
            if (crash.crashed()) {
                start();
            }
        }
    }

    @Test
    public void shouldLoseAndDuplicateNoTriggerAcrossCrashesAtEveryStep() {
        Map<String, Integer> crashesAt = new java.util.TreeMap<>();
        int triggers = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            World world = new World();
            world.evaluate();
            world.importCycle();
            run(world, new Random(seed));
            settle(world);

            assertNothingLost(world, seed);
            assertNothingDuplicated(world, seed);
            world.crash.crashesAt().forEach((k, v) -> crashesAt.merge(k, v, Integer::sum));
            triggers += world.scheduler.causes().size();
        }

        assertThat(crashesAt)
                .containsOnlyKeys(
                        "schedule, after queue item",
                        "schedule, before queue item",
                        "status save, after write",
                        "status save, before write",
                        "subscription save, after write",
                        "subscription save, before write");
        assertThat(crashesAt.values()).allSatisfy(count -> assertThat(count).isGreaterThan(50));
        assertThat(triggers).isGreaterThan(SEEDS * 5);
    }

    private static void run(final World world, final Random random) {
        for (int step = 0; step < STEPS; step++) {
            switch (random.nextInt(8)) {
                case 0 -> world.move(TAGS.get(random.nextInt(TAGS.size())));
                case 1 -> world.clock.advance(Duration.ofSeconds(random.nextInt(20 * 60)));
                case 2 -> world.importCycle();
                case 3, 4 -> world.evaluate();
                case 5 -> requestImport(world, random);
                case 6 ->
                    world.registry.fail(
                            "registry.example.com/team/" + TAGS.get(random.nextInt(TAGS.size())),
                            new RegistryException(ConditionReason.Unavailable, "503", Optional.empty()));
                default -> world.crash.arm(1 + random.nextInt(4));
            }
        }
    }

    private static void requestImport(final World world, final Random random) {
        String[] tag = TAGS.get(random.nextInt(TAGS.size())).split(":");
        try {
            world.service.requestImport(tag[0], tag[1]);
        } catch (RuntimeException e) {
            assertThat(world.crash.crashed()).isTrue();
        }
        world.restartIfCrashed();
    }

    private static void settle(final World world) {
        world.crash.arm(0);
        TAGS.forEach(tag -> world.registry.heal("registry.example.com/team/" + tag));
        for (int round = 0; round < 4; round++) {
            world.clock.advance(Duration.ofMinutes(16));
            world.importCycle();
            for (int i = 0; i < 3; i++) {
                world.clock.advance(Duration.ofMinutes(1));
                world.evaluate();
            }
        }
    }

    private static void assertNothingLost(final World world, final int seed) {
        for (Subscription sub : SUBSCRIPTIONS) {
            Digest current = world.service
                    .current(sub.stream(), sub.tag())
                    .map(TagEvent::digest)
                    .orElseThrow();
            assertThat(world.scheduler.alreadyScheduledOrBuilt(sub.jobFullName(), sub.stream(), sub.tag(), current))
                    .as("seed %d: %s was scheduled for %s", seed, sub, current)
                    .isTrue();
            assertThat(world.subscriptionStore.load(sub.jobFullName()).get(sub.key()))
                    .as("seed %d: state of %s", seed, sub)
                    .satisfies(s -> assertThat(s.confirmed()).isTrue())
                    .satisfies(s -> assertThat(s.lastTriggeredDigest()).contains(current));
        }
    }

    private static void assertNothingDuplicated(final World world, final int seed) {
        Set<String> seen = new HashSet<>();
        for (TriggerRequest request : world.scheduler.requests()) {
            for (TriggerCause cause : request.causes()) {
                String key = request.jobFullName() + " " + cause.stream() + ":" + cause.tag() + "@" + cause.digest();
                assertThat(seen.add(key))
                        .as("seed %d: %s scheduled twice", seed, key)
                        .isTrue();
            }
        }
    }
}
